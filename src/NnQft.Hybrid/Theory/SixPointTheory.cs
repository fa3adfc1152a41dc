// SPDX-License-Identifier: MIT
using MathNet.Numerics.Statistics;
using NnQft.Model;
using NnQft.Numerics.Attention;
using NnQft.Numerics.Randomness;
using NnQft.Numerics.Results;
using NnQft.Symbolic;

namespace NnQft.Hybrid.Theory;

/// <summary>
/// G6 and G6c at listed six-tuples (docs/theory.md section 11): the engine's order-6 derivation with the six-point
/// attention moments M6 (and M4 times quadrature M2) by Monte Carlo over the logits. The forms are linear in the
/// sampled moments, which <see cref="LinearMomentForm.Extract"/> checks. This path still extracts coefficients by
/// evaluation per tuple; the G4 path's symbolic coefficients and one-pass entries handle degree 4 only so far.
/// </summary>
internal static class SixPointTheory
{
    public static IReadOnlyList<G6Entry> Evaluate(Architecture limit, PointSet points, TupleSelection selection, TheoryOptions options)
    {
        var hexes = selection.Tuples(points.Count, nameof(options.G6));
        if (hexes.Count == 0) return [];
        var laws = new LogitLaws(limit, points);
        var context = new EvaluationContext(limit, laws);
        var six = Derive.Correlator(limit, 6, connected: false);
        var connected = Derive.Correlator(limit, 6, connected: true);
        var forms = hexes.Select(hex => new[]
        {
            context.Form(six.Value, hex),
            context.Form(connected.IndependenceBreaking, hex),
            context.Form(connected.FiniteWidth, hex),
        }).ToList();
        var stats = SampleForms(laws.Sampler(), limit.Tokens, forms, options);
        return hexes.Select((h, i) =>
        {
            var (full, _, _, c) = stats[i];
            return new G6Entry(h, full.Mean, StandardError(full), c.Mean, StandardError(c));
        }).ToArray();
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

    // A sampled moment E[prod_k A_{t_k}(x_k)] (the tokens, then the points) as flat indices into the logit weights.
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
