// SPDX-License-Identifier: MIT
namespace NnQft.Hybrid.Action;

/// <summary>
/// The action on a point set (docs/theory.md section 10): the quadratic part K - V2 / 2 and the quartic vertex V4 at
/// every sorted tuple a &lt;= b &lt;= c &lt;= d.
/// </summary>
/// <param name="Points">The points, one coordinate list each.</param>
/// <param name="Quadratic">K - V2 / 2, P x P.</param>
/// <param name="Vertex">V4 at every sorted tuple, in the result JSON's g4 order.</param>
/// <example><code>PointSetAction a = AmputatedVertex.Compute(TheoryEvaluator.Evaluate(Architecture.Default, PointSet.Of([[0.0, 0.0], [0.5, 0.0]]), new TheoryOptions(2_000))); double q = a.Quadratic[0][0];</code></example>
public sealed record PointSetAction(
    IReadOnlyList<IReadOnlyList<double>> Points,
    IReadOnlyList<IReadOnlyList<double>> Quadratic,
    IReadOnlyList<VertexEntry> Vertex);

/// <summary>V4 at one sorted tuple with its first-order (delta-method) standard error.</summary>
/// <example><code>var e = new VertexEntry([0, 0, 0, 0], Value: 0.12, Stderr: 0.003);</code></example>
public sealed record VertexEntry(IReadOnlyList<int> Index, double Value, double Stderr);

/// <summary>lambda(x_a, x_b, x_c, x_d) = -G4c / I at one tuple, with its standard error and the integral I itself.</summary>
/// <param name="Index">The tuple.</param>
/// <param name="Lambda">-G4c / I.</param>
/// <param name="Stderr">The G4c standard error divided by |I| (I is computed, not sampled).</param>
/// <param name="Integral">I = int d^dx prod_i G2(x, x_i) over the region.</param>
/// <param name="IntegralError">The quadrature's error estimate of I.</param>
/// <example><code>var c = new TupleCoupling([0, 0, 1, 1], Lambda: 0.8, Stderr: 0.05, Integral: 0.02, IntegralError: 1e-11);</code></example>
public sealed record TupleCoupling(IReadOnlyList<int> Index, double Lambda, double Stderr, double Integral, double IntegralError);

/// <summary>
/// The couplings of every listed tuple (docs/theory.md section 10), their mean and their spread (sample standard
/// deviation over tuples; zero for a local phi^4 theory).
/// </summary>
/// <param name="Cutoff">L of the box [-L, L]^d, or null for R^d.</param>
/// <param name="PerTuple">One coupling per G4 tuple of the input.</param>
/// <param name="Mean">Mean of lambda over the tuples.</param>
/// <param name="Spread">Sample standard deviation of lambda over the tuples (0 for a single tuple).</param>
/// <param name="Converged">Whether every integral met the quadrature tolerance.</param>
/// <example><code>CouplingSummary c = ConfigurationCoupling.Compute(Architecture.Default, TheoryEvaluator.Evaluate(Architecture.Default, PointSet.Of([[0.0, 0.0], [0.5, 0.0]]), new TheoryOptions(2_000)), cutoff: null); Console.WriteLine($"{c.Mean} +- {c.Spread}");</code></example>
public sealed record CouplingSummary(double? Cutoff, IReadOnlyList<TupleCoupling> PerTuple, double Mean, double Spread, bool Converged);

/// <summary>What <c>nnqft action</c> reports: the action on the points and the couplings per configuration.</summary>
/// <param name="Source">"theory", or the file the correlators came from.</param>
/// <param name="Action">Quadratic part and vertex.</param>
/// <param name="Coupling">Couplings per tuple.</param>
/// <example><code>ActionReport r = PointActionAnalysis.FromTheory(Architecture.Default, PointSet.Of([[0.0, 0.0], [0.5, 0.0]]), new ActionOptions(TheorySamples: 2_000)); string json = ActionJson.Write(r);</code></example>
public sealed record ActionReport(string Source, PointSetAction Action, CouplingSummary Coupling);
