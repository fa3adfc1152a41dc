// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using NnQft.Model;
using NnQft.Numerics.Results;
using NnQft.Symbolic;

namespace NnQft.Hybrid.Theory;

/// <summary>
/// The analytic side (<c>nnqft theory</c>): the correlators the symbolic engine derives from the architecture,
/// evaluated without sampling networks. Kernels come from their closed forms, two-point attention moments M2 from
/// quadrature (exact), four-point moments M4 from Monte Carlo over the Gaussian logits alone (with standard errors).
/// The derived forms hold at D = d_k = infinity; an architecture with finite D or d_k is evaluated in that limit and
/// the result's <c>method</c> says so. d_v, N_h and the bias enter exactly.
/// </summary>
/// <example><code>var result = TheoryEvaluator.Evaluate(Architecture.Default, PointSet.Default, new TheoryOptions(10_000));</code></example>
public static class TheoryEvaluator
{
    /// <summary>The architecture the theory is exact for: D and d_k set to infinity.</summary>
    /// <example><code>Architecture exact = TheoryEvaluator.Limit(Architecture.Default); // Features and KeyWidth infinite</code></example>
    public static Architecture Limit(Architecture architecture) =>
        architecture with { Features = Width.Infinite, KeyWidth = Width.Infinite };

    /// <summary>The <c>method</c> string: which limit was used.</summary>
    /// <example><code>string method = TheoryEvaluator.MethodFor(Architecture.Default);</code></example>
    public static string MethodFor(Architecture architecture) =>
        architecture.Features.IsInfinite && architecture.KeyWidth.IsInfinite
            ? "theory (exact at the architecture's widths; M4 by logit Monte Carlo)"
            : $"theory at D = d_k = inf (architecture has D = {architecture.Features}, d_k = {architecture.KeyWidth}; M4 by logit Monte Carlo)";

    /// <summary>
    /// G2 at every pair and G4, G4c (with its two parts) at every tuple of <see cref="TheoryOptions.G4"/>, in the result
    /// JSON's shape. Throws <see cref="InvalidInputException"/> for bad options, naming <c>Samples</c> or <c>G4</c>.
    /// </summary>
    /// <example><code>CorrelatorResult theory = TheoryEvaluator.Evaluate(Architecture.Default with { Tokens = 2 }, PointSet.Default, new TheoryOptions(Samples: 5_000, Seed: 3));</code></example>
    public static CorrelatorResult Evaluate(Architecture architecture, PointSet points, TheoryOptions options)
    {
        architecture.Validated();
        points.ValidatedFor(architecture);
        if (options.Samples < 2)
            throw new InvalidInputException(nameof(options.Samples), "must be an integer >= 2", options.Samples.ToString(CultureInfo.InvariantCulture));
        var selection = options.G4 ?? throw new InvalidInputException("G4", "must be a tuple selection (all, none or a list)");
        if (selection.Arity != 4) throw new InvalidInputException("G4", "must select tuples of 4 point indices", selection.Arity.ToString(CultureInfo.InvariantCulture));
        var clock = Stopwatch.StartNew();
        var limit = Limit(architecture);
        // The G4 forms first: a selection too large for memory is refused before any quadrature or sampling.
        MomentForms? forms = null;
        if (!selection.IsNone)
        {
            forms = DerivedForms.Of(limit, 4);
            CheckMemory(selection, points.Count, forms.Moments.Count);
        }
        var bridge = Bridge.Of(limit, points);
        var g2 = TwoPoint(limit, points, bridge);
        var entries = new List<G4Entry>();
        if (forms is not null)
        {
            var tuples = selection.Tuples(points.Count, "G4");
            var estimates = TupleEstimates.Run(forms, tuples, bridge.Laws, bridge.Nodes, points.Count, options);
            for (int i = 0; i < tuples.Count; i++)
            {
                double full = estimates.Means[3 * i], ib = estimates.Means[3 * i + 1], fw = estimates.Means[3 * i + 2];
                entries.Add(new G4Entry(tuples[i], full, estimates.FullStderr[i], ib + fw, estimates.ConnectedStderr[i], ib, fw));
            }
        }
        var six = options.G6.IsNone ? null : SixPointEvaluation.Evaluate(limit, bridge.Laws, bridge.Nodes, points.Count, options.G6, options);
        var zeros = g2.Select(row => (IReadOnlyList<double>)new double[row.Count]).ToList();
        return Finite(new CorrelatorResult(MethodFor(architecture), options.Samples, clock.Elapsed.TotalSeconds, points.ToLists(), new G2Table(g2, zeros), entries, selection, six));
    }

    // Valid but huge output scales overflow G4 (its standard error reaches the eighth power of sigma_V sigma_a) and G6
    // (the twelfth): bad input, not a NaN in the JSON.
    private static CorrelatorResult Finite(CorrelatorResult r)
    {
        var numbers = r.G2.Value.SelectMany(row => row)
            .Concat(r.G4.SelectMany(e => new[] { e.Value, e.Stderr, e.Connected, e.ConnectedStderr, e.IndependenceBreaking ?? 0, e.FiniteWidth ?? 0 }));
        if (!numbers.All(double.IsFinite))
            throw new InvalidInputException("sigmaV, sigmaA, sigmaB", "must keep G2 and G4 (up to the fourth power of sigma_V^2 sigma_a^2, with sigma_b) inside the double range; scale them down");
        if (!(r.G6 ?? []).SelectMany(e => new[] { e.Value, e.Stderr, e.Connected, e.ConnectedStderr }).All(double.IsFinite))
            throw new InvalidInputException("sigmaV, sigmaA, sigmaB", "must keep G6 (up to the sixth power of sigma_V^2 sigma_a^2, with sigma_b) inside the double range; scale them down");
        return r;
    }

    /// <summary>G2(x_a, x_b) at every pair: derived, with quadrature moments; no sampling, so exact to quadrature accuracy.</summary>
    /// <example><code>double g2 = TheoryEvaluator.TwoPoint(Architecture.Default, PointSet.Of([[0.0, 0.0], [0.5, 0.0]]))[0][1];</code></example>
    public static IReadOnlyList<IReadOnlyList<double>> TwoPoint(Architecture architecture, PointSet points)
    {
        architecture.Validated();
        points.ValidatedFor(architecture);
        var limit = Limit(architecture);
        return TwoPoint(limit, points, Bridge.Of(limit, points));
    }

    /// <summary>G2(x_0, x_p) for every point p: a curve along the points (e.g. a ray), by quadrature.</summary>
    /// <example><code>IReadOnlyList&lt;double&gt; curve = TheoryEvaluator.TwoPointFromFirst(Architecture.Default, PointSet.Of([[0.0, 0.0], [0.5, 0.0], [1.0, 0.0]]));</code></example>
    public static IReadOnlyList<double> TwoPointFromFirst(Architecture architecture, PointSet points)
    {
        architecture.Validated();
        points.ValidatedFor(architecture);
        var limit = Limit(architecture);
        var bridge = Bridge.Of(limit, points);
        var form = TwoPointForm(limit);
        var values = form.NewValues();
        var result = new double[1];
        return Enumerable.Range(0, points.Count).Select(p =>
        {
            form.Evaluate([0, p], values, bridge.Nodes, result);
            return result[0];
        }).ToArray();
    }

    private static MomentForms TwoPointForm(Architecture limit)
    {
        var form = new MomentForms([Derive.Correlator(limit, 2, connected: false).Value], 2, NetworkBinding.Of(limit), limit.Tokens);
        return form.Moments.Count == 0 ? form : throw new InvalidOperationException("the derived G2 needs sampled moments");
    }

    private static IReadOnlyList<IReadOnlyList<double>> TwoPoint(Architecture limit, PointSet points, Bridge bridge)
    {
        var form = TwoPointForm(limit);
        int p = points.Count;
        bridge.TwoPoint.PrepareAll();
        var g2 = new double[p][];
        for (int a = 0; a < p; a++) g2[a] = new double[p];
        Parallel.For(0, p, () => (form.NewValues(), new double[1]), (a, _, buffers) =>
        {
            for (int b = a; b < p; b++)
            {
                form.Evaluate([a, b], buffers.Item1, bridge.Nodes, buffers.Item2);
                g2[a][b] = g2[b][a] = buffers.Item2[0];
            }
            return buffers;
        }, _ => { });
        return g2;
    }

    // Refuses, before listing anything, a selection whose per-tuple numbers cannot fit in the memory available.
    private static void CheckMemory(TupleSelection selection, int points, int moments)
    {
        long count = selection.Count(points);
        double bytes = (double)count * TupleForms.BytesPerTuple(moments);
        double available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (count > int.MaxValue / TupleForms.FormCount || bytes > 0.5 * available)
            throw new InvalidInputException("G4", $"{count} tuples need about {bytes / (1 << 30):F1} GiB, more than half the {available / (1 << 30):F1} GiB available; select fewer tuples (a list, or none for G2 only)",
                selection.Canonical().Length > 40 ? selection.Canonical()[..40] + "..." : selection.Canonical());
    }

    /// <summary>The numeric side of one theory evaluation: logit laws, quadrature moments and the node values they give.</summary>
    private sealed record Bridge(LogitLaws Laws, TwoPointMoments TwoPoint, TheoryNodeValues Nodes)
    {
        public static Bridge Of(Architecture limit, PointSet points)
        {
            var laws = new LogitLaws(limit, points);
            var twoPoint = new TwoPointMoments(laws, limit.Tokens, points.Count, limit.TokensExchangeable);
            return new Bridge(laws, twoPoint, new TheoryNodeValues(laws, twoPoint));
        }
    }
}
