// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using MathNet.Numerics.Statistics;
using NnQft.Model;
using NnQft.Numerics.Attention;
using NnQft.Numerics.Randomness;
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

    /// <summary>G2 at every pair and G4, G4c (with its two parts) at every sorted tuple, in the result JSON's shape.</summary>
    /// <example><code>CorrelatorResult theory = TheoryEvaluator.Evaluate(Architecture.Default with { Tokens = 2 }, PointSet.Default, new TheoryOptions(Samples: 5_000, Seed: 3));</code></example>
    public static CorrelatorResult Evaluate(Architecture architecture, PointSet points, TheoryOptions options)
    {
        architecture.Validated();
        points.ValidatedFor(architecture);
        if (options.Samples < 2)
            throw new InvalidInputException("--samples", "must be an integer >= 2", options.Samples.ToString(CultureInfo.InvariantCulture));
        var clock = Stopwatch.StartNew();
        var limit = Limit(architecture);
        var laws = new LogitLaws(limit, points);
        var context = new EvaluationContext(limit, laws);

        var g2 = TwoPoint(limit, points, context);
        var four = Derive.Correlator(limit, 4, connected: false);
        var connected = Derive.Correlator(limit, 4, connected: true);
        var tuples = SortedTuples.Of(points.Count, 4);
        // Per tuple: full G4, independence-breaking and finite-width parts (G4c is their sum, sample by sample).
        var forms = new List<LinearMomentForm[]>(tuples.Count);
        foreach (var tuple in tuples)
            forms.Add(
            [
                context.Form(four.Value, tuple),
                context.Form(connected.IndependenceBreaking, tuple),
                context.Form(connected.FiniteWidth, tuple),
            ]);
        // Six-point tuples (--g6) share the logit samples: their forms call M6 and M4 moments.
        var hexes = options.G6.Tuples(points.Count, "--g6");
        if (hexes.Count > 0) forms.AddRange(SixPointForms(limit, context, hexes));
        var stats = SampleForms(laws.Sampler(), limit.Tokens, forms, options);

        var entries = new List<G4Entry>(tuples.Count);
        for (int i = 0; i < tuples.Count; i++)
        {
            var (full, ib, fw, c) = stats[i];
            entries.Add(new G4Entry(tuples[i], full.Mean, StandardError(full), c.Mean, StandardError(c), ib.Mean, fw.Mean));
        }
        var six = hexes.Select((h, i) =>
        {
            var (full, _, _, c) = stats[tuples.Count + i];
            return new G6Entry(h, full.Mean, StandardError(full), c.Mean, StandardError(c));
        }).ToArray();
        var zeros = g2.Select(row => (IReadOnlyList<double>)new double[row.Count]).ToList();
        return new CorrelatorResult(MethodFor(architecture), options.Samples, clock.Elapsed.TotalSeconds, points.ToLists(), new G2Table(g2, zeros), entries,
            G6: hexes.Count > 0 ? six : null);
    }

    /// <summary>G2(x_a, x_b) at every pair: derived, with quadrature moments; no sampling, so exact to quadrature accuracy.</summary>
    /// <example><code>double g2 = TheoryEvaluator.TwoPoint(Architecture.Default, PointSet.Of([[0.0, 0.0], [0.5, 0.0]]))[0][1];</code></example>
    public static IReadOnlyList<IReadOnlyList<double>> TwoPoint(Architecture architecture, PointSet points)
    {
        architecture.Validated();
        points.ValidatedFor(architecture);
        var limit = Limit(architecture);
        return TwoPoint(limit, points, new EvaluationContext(limit, new LogitLaws(limit, points)));
    }

    /// <summary>G2(x_0, x_p) for every point p: a curve along the points (e.g. a ray), by quadrature.</summary>
    /// <example><code>IReadOnlyList&lt;double&gt; curve = TheoryEvaluator.TwoPointFromFirst(Architecture.Default, PointSet.Of([[0.0, 0.0], [0.5, 0.0], [1.0, 0.0]]));</code></example>
    public static IReadOnlyList<double> TwoPointFromFirst(Architecture architecture, PointSet points)
    {
        architecture.Validated();
        points.ValidatedFor(architecture);
        var limit = Limit(architecture);
        var context = new EvaluationContext(limit, new LogitLaws(limit, points));
        var derivation = Derive.Correlator(limit, 2, connected: false);
        return Enumerable.Range(0, points.Count).Select(p => context.Form(derivation.Value, [0, p]).Constant).ToArray();
    }

    /// <summary>
    /// G6 and the two parts of G6c at each six-tuple, from the engine's order-6 derivation (docs/theory.md section 11);
    /// like G4 the forms are linear in the sampled moments (M6, and M4 times quadrature M2), which the extraction checks.
    /// </summary>
    private static IEnumerable<LinearMomentForm[]> SixPointForms(Architecture limit, EvaluationContext context, IReadOnlyList<IReadOnlyList<int>> hexes)
    {
        var six = Derive.Correlator(limit, 6, connected: false);
        var connected = Derive.Correlator(limit, 6, connected: true);
        foreach (var hex in hexes)
            yield return
            [
                context.Form(six.Value, hex),
                context.Form(connected.IndependenceBreaking, hex),
                context.Form(connected.FiniteWidth, hex),
            ];
    }

    private static IReadOnlyList<IReadOnlyList<double>> TwoPoint(Architecture limit, PointSet points, EvaluationContext context)
    {
        var derivation = Derive.Correlator(limit, 2, connected: false);
        int p = points.Count;
        var g2 = new double[p][];
        for (int a = 0; a < p; a++) g2[a] = new double[p];
        for (int a = 0; a < p; a++)
            for (int b = a; b < p; b++)
            {
                var form = context.Form(derivation.Value, [a, b]);
                if (form.Terms.Count != 0) throw new InvalidOperationException("the derived G2 needs sampled moments");
                g2[a][b] = g2[b][a] = form.Constant;
            }
        return g2;
    }

    private static double StandardError(RunningStatistics s) => Math.Sqrt(s.Variance / s.Count);

    private static (RunningStatistics Full, RunningStatistics Ib, RunningStatistics Fw, RunningStatistics Connected)[] SampleForms(
        LogitSampler sampler, int tokens, IReadOnlyList<LinearMomentForm[]> forms, TheoryOptions options)
    {
        // Every distinct sampled product is computed once per logit sample, then shared by the forms that use it.
        var products = new List<MomentCall>();
        var productIndex = new Dictionary<MomentCall, int>();
        var compiled = forms.Select(set => set.Select(form => (form.Constant, form.Terms.Select(term =>
        {
            if (!productIndex.TryGetValue(term.Call, out int i))
            {
                productIndex[term.Call] = i = products.Count;
                products.Add(term.Call);
            }
            return (Index: i, term.Coefficient);
        }).ToArray())).ToArray()).ToArray();
        var factors = products.Select(call => MomentFactors(call, tokens, sampler.Points)).ToArray();

        long blocks = (options.Samples + AttentionMonteCarlo.BlockSize - 1) / AttentionMonteCarlo.BlockSize;
        var perBlock = new RunningStatistics[blocks][];
        Parallel.For(0L, blocks, b =>
        {
            var stats = new RunningStatistics[forms.Count * 4];
            for (int i = 0; i < stats.Length; i++) stats[i] = new RunningStatistics();
            var random = new NetworkRandom(options.Seed, b);
            var weights = new double[sampler.Tokens * sampler.Points];
            var scratch = new double[sampler.ScratchLength];
            var values = new double[products.Count];
            long count = Math.Min(AttentionMonteCarlo.BlockSize, options.Samples - b * AttentionMonteCarlo.BlockSize);
            for (long s = 0; s < count; s++)
            {
                sampler.Sample(random, weights, scratch);
                for (int i = 0; i < factors.Length; i++)
                {
                    var f = factors[i];
                    double v = weights[f[0]] * weights[f[1]] * weights[f[2]] * weights[f[3]];
                    for (int k = 4; k < f.Length; k++) v *= weights[f[k]];
                    values[i] = v;
                }
                for (int q = 0; q < compiled.Length; q++)
                {
                    double full = Apply(compiled[q][0], values), ib = Apply(compiled[q][1], values), fw = Apply(compiled[q][2], values);
                    stats[4 * q].Push(full);
                    stats[4 * q + 1].Push(ib);
                    stats[4 * q + 2].Push(fw);
                    stats[4 * q + 3].Push(ib + fw);
                }
            }
            perBlock[b] = stats;
        });
        var result = new (RunningStatistics, RunningStatistics, RunningStatistics, RunningStatistics)[forms.Count];
        for (int q = 0; q < forms.Count; q++)
        {
            RunningStatistics Combine(int k)
            {
                var total = new RunningStatistics();
                for (long b = 0; b < blocks; b++) total = RunningStatistics.Combine(total, perBlock[b][4 * q + k]);
                return total;
            }
            result[q] = (Combine(0), Combine(1), Combine(2), Combine(3));
        }
        return result;
    }

    private static double Apply((double Constant, (int Index, double Coefficient)[] Terms) form, double[] values)
    {
        double v = form.Constant;
        foreach (var (i, c) in form.Terms) v += c * values[i];
        return v;
    }

    /// <summary>
    /// A sampled moment E[prod_k A_{t_k}(x_k)] (factors: the tokens, then the points; M4 has four factors, the M6 of
    /// six-point functions six) as flat indices into the weights.
    /// </summary>
    private static int[] MomentFactors(MomentCall call, int tokens, int points)
    {
        int degree = call.Args.Length / 2;
        if (call.Args.Length % 2 != 0 || degree < 4)
            throw new InvalidOperationException($"unexpected sampled moment with {call.Args.Length} arguments");
        int[] t = [.. call.Args[..degree].Select(v => (int)v - 1)];
        if (t.Any(v => v < 0 || v >= tokens))
            throw new InvalidOperationException($"the derived form uses token {t.Max() + 1} of {tokens}");
        return [.. Enumerable.Range(0, degree).Select(k => t[k] * points + (int)call.Args[degree + k] - 1)];
    }
}
