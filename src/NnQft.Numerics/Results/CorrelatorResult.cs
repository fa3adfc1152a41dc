// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Results;

/// <summary>
/// The result JSON of <c>sample</c>, <c>merge</c> and <c>theory</c> (docs/cli.md section 2): estimates of G2 and of
/// every G4 tuple i &lt;= j &lt;= k &lt;= l with one-sigma standard errors. Read and write it with
/// <see cref="CorrelatorResultJson"/>.
/// </summary>
/// <param name="Method">How the numbers were obtained (<c>exact</c>, <c>bruteforce</c>, a theory method name).</param>
/// <param name="Samples">Networks (or logit samples for theory).</param>
/// <param name="Seconds">Wall time spent.</param>
/// <param name="Points">The points, one coordinate list each.</param>
/// <param name="G2">The two-point matrix and its standard errors.</param>
/// <param name="G4">The sorted four-point tuples of the selection (every one by default).</param>
/// <param name="G4Selection">Which tuples were asked for (<c>--g4</c>, docs/cli.md section 5); null when the producer
/// does not say (then every tuple); the JSON carries it as <c>g4Selection</c>.</param>
/// <param name="G6">The six-point tuples of <c>--g6</c> (docs/cli.md section 5), or null when none were asked for.</param>
/// <example><code>
/// CorrelatorResult r = MonteCarloSampler.Sample(new SampleOptions(Architecture.Default, PointSet.Default) { Networks = 1_000 }).Result;
/// Console.WriteLine($"{r.Method}: G2(x1, x2) = {r.G2.Value[0][1]} +- {r.G2.Stderr[0][1]} from {r.Samples} networks");
/// </code></example>
public sealed record CorrelatorResult(
    string Method,
    long Samples,
    double Seconds,
    IReadOnlyList<IReadOnlyList<double>> Points,
    G2Table G2,
    IReadOnlyList<G4Entry> G4,
    NnQft.Model.TupleSelection? G4Selection = null,
    IReadOnlyList<G6Entry>? G6 = null);

/// <summary>G2(x_i, x_j) and its standard errors, both P x P.</summary>
/// <example><code>G2Table g2 = MonteCarloSampler.Sample(new SampleOptions(Architecture.Default, PointSet.Default) { Networks = 1_000 }).Result.G2; double se = g2.Stderr[0][0];</code></example>
public sealed record G2Table(IReadOnlyList<IReadOnlyList<double>> Value, IReadOnlyList<IReadOnlyList<double>> Stderr);

/// <summary>
/// One G4 tuple: the full moment and its connected part (estimated without bias), each with a standard error. The
/// theory-only decomposition <see cref="IndependenceBreaking"/> + <see cref="FiniteWidth"/> is absent (null) for Monte Carlo.
/// </summary>
/// <example><code>
/// G4Entry e = MonteCarloSampler.Sample(new SampleOptions(Architecture.Default, PointSet.Default) { Networks = 1_000 }).Result.G4[0]; // Index [0, 0, 0, 0]
/// Console.WriteLine($"G4c = {e.Connected} +- {e.ConnectedStderr}");
/// </code></example>
public sealed record G4Entry(
    IReadOnlyList<int> Index,
    double Value,
    double Stderr,
    double Connected,
    double ConnectedStderr,
    double? IndependenceBreaking = null,
    double? FiniteWidth = null);

/// <summary>
/// One G6 tuple (<c>--g6</c>, docs/cli.md section 5): the full sixth moment and the sixth joint cumulant (its
/// connected part, estimated without bias by Monte Carlo), each with a one-sigma standard error.
/// </summary>
/// <example><code>
/// var o = new SampleOptions(Architecture.Default, PointSet.Default) { Networks = 1_000, G6 = TupleSelection.Of([[0, 0, 0, 0, 1, 1]], 6, 8, "--g6") };
/// G6Entry e = MonteCarloSampler.Sample(o).Result.G6![0];
/// Console.WriteLine($"G6c = {e.Connected} +- {e.ConnectedStderr}");
/// </code></example>
public sealed record G6Entry(IReadOnlyList<int> Index, double Value, double Stderr, double Connected, double ConnectedStderr);
