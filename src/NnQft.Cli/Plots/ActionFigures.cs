// SPDX-License-Identifier: MIT
using NnQft.Hybrid.Action;
using NnQft.Hybrid.Theory;
using NnQft.Hybrid.Validation;
using NnQft.Model;
using NnQft.Numerics.Results;

namespace NnQft.Cli.Plots;

/// <summary>
/// The figures of <c>action --figures DIR</c> (docs/theory.md section 10): lambda per tuple against the tuple's size
/// (the locality test: a local phi^4 gives one constant), the mean lambda(L) against the cutoff L, and V4 against N_h
/// with its 1/N_h line.
/// </summary>
internal static class ActionFigures
{
    private static readonly int[] Heads = [1, 2, 4, 8, 16];

    public static IEnumerable<Figure> All(Architecture architecture, CorrelatorResult input, ActionReport report, ActionOptions options)
    {
        yield return PerTuple(input, report.Coupling);
        yield return AgainstCutoff(architecture, input, report);
        yield return AgainstHeads(architecture, input, options);
    }

    private static Figure PerTuple(CorrelatorResult input, CouplingSummary coupling)
    {
        var points = PointSet.Of(input.Points);
        var size = coupling.PerTuple.Select(c => Diameter(points, c.Index)).ToArray();
        var region = coupling.Cutoff is double l ? $"box [-{l}, {l}]^d" : "R^d";
        return new Figure("coupling-per-tuple.png", $"lambda per configuration over {region} (mean {coupling.Mean:G4}, spread {coupling.Spread:G3})",
            "tuple size (largest distance between its points)", "lambda = -G4c / int prod G2",
            [new LineSeries("mean", [size.Min(), size.Max()], [coupling.Mean, coupling.Mean])],
            [new PointSeries("per tuple", size, coupling.PerTuple.Select(c => c.Lambda).ToArray(), coupling.PerTuple.Select(c => c.Stderr).ToArray())]);
    }

    private static Figure AgainstCutoff(Architecture architecture, CorrelatorResult input, ActionReport report)
    {
        // Cutoffs from half the points' extent to eight times it: the box grows from cutting the points' kernels to
        // holding them whole.
        double extent = Math.Max(input.Points.Max(p => p.Max(Math.Abs)), 0.5);
        double[] factors = [0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8];
        var cutoffs = factors.Select(f => (double?)(f * extent)).ToArray();
        var running = ConfigurationCoupling.AgainstCutoff(architecture, input, cutoffs);
        return new Figure("coupling-cutoff.png", "running coupling: mean lambda(L) over the box [-L, L]^d (bars: spread over tuples)",
            "cutoff L", "lambda(L)",
            [],
            [new PointSeries("mean over tuples", cutoffs.Select(c => c!.Value).ToArray(), running.Select(r => r.Mean).ToArray(), running.Select(r => r.Spread).ToArray())],
            LogX: true);
    }

    private static Figure AgainstHeads(Architecture architecture, CorrelatorResult input, ActionOptions options)
    {
        // The theory on the first two points at each N_h: V4 at (0,0,0,0) and (0,0,1,1).
        var pair = PointSet.Of(input.Points.Take(Math.Min(2, input.Points.Count)));
        int last = pair.Count - 1;
        var actions = Heads.Select(h => AmputatedVertex.Compute(
            TheoryEvaluator.Evaluate(architecture with { Heads = h }, pair, new TheoryOptions(options.TheorySamples, options.Seed)))).ToArray();
        var x = Heads.Select(h => (double)h).ToArray();
        var lines = new List<LineSeries>();
        var points = new List<PointSeries>();
        foreach (var index in new[] { new[] { 0, 0, 0, 0 }, new[] { 0, 0, last, last } }.DistinctBy(i => string.Join(",", i)))
        {
            var entries = actions.Select(a => a.Vertex.Single(v => v.Index.SequenceEqual(index))).ToArray();
            string name = $"|V4({string.Join(",", index)})|";
            points.Add(new PointSeries(name, x, entries.Select(e => Math.Abs(e.Value)).ToArray(), entries.Select(e => e.Stderr).ToArray()));
            lines.Add(new LineSeries($"{name} at N_h = 1, times 1/N_h", x, x.Select(h => Math.Abs(entries[0].Value) / h).ToArray()));
        }
        return new Figure("vertex-heads.png", "quartic vertex against the number of heads (theory)", "N_h", "|V4|", lines, points, LogX: true, LogY: true);
    }

    private static double Diameter(PointSet points, IReadOnlyList<int> tuple)
    {
        double best = 0;
        foreach (int a in tuple)
            foreach (int b in tuple)
                best = Math.Max(best, points.Distance(a, b));
        return best;
    }
}
