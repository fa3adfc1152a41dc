// SPDX-License-Identifier: MIT
using NnQft.Hybrid.Theory;
using NnQft.Model;
using NnQft.Numerics.MonteCarlo;
using NnQft.Numerics.Results;
using NnQft.Numerics.Sampling;

namespace NnQft.Hybrid.Validation;

/// <summary>
/// The six-point part of <c>validate</c> (docs/theory.md section 11): G6c rows on a few tuples of the first two points
/// (theory from the order-6 derivation against the unbiased Monte Carlo estimator, same ensemble as the z-table) and
/// a figure of G6c against N_h with its 1/N_h^2 line.
/// </summary>
internal static class SixPointValidation
{
    private static readonly int[][] Tuples = [[0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 1, 1], [0, 0, 1, 1, 1, 1]];

    /// <summary>The rows (from the N_h = 1 run of the figure's ensemble, which is the z-table's) and the figure.</summary>
    public static (IReadOnlyList<ValidationRow> Rows, Figure Figure) Run(Architecture limit, PointSet pair, ValidationOptions options)
    {
        var (figure, theory, monteCarlo) = HeadsFigure(limit, pair, options);
        var rows = theory.Zip(monteCarlo, (t, m) => ValidationRow.Compare(
            $"G6c({string.Join(",", t.Index)})", t.Connected, t.ConnectedStderr, m.Connected, m.ConnectedStderr)).ToArray();
        return (rows, figure);
    }

    private static (Figure Figure, IReadOnlyList<G6Entry> Theory, IReadOnlyList<G6Entry> MonteCarlo) HeadsFigure(Architecture limit, PointSet pair, ValidationOptions options)
    {
        int[] heads = [1, 2, 4];
        IReadOnlyList<G6Entry> theoryOne = [], monteCarloOne = [];
        var theory = new List<double>();
        var (mc, se) = (new List<double>(), new List<double>());
        foreach (int h in heads)
        {
            // G6c falls like 1/N_h^2 while its standard error does not: larger N_h get more networks (h times, which keeps
            // the figure's cost near that of the G4c one; at N_h = 4 the points are mostly noise).
            var (t, m) = Both(limit with { Heads = h }, pair, options, options.AuxiliaryNetworks * h, run: 410 + (ulong)h);
            if (h == 1) (theoryOne, monteCarloOne) = (t, m);
            theory.Add(t[0].Connected);
            mc.Add(m[0].Connected);
            se.Add(m[0].ConnectedStderr);
        }
        var xs = heads.Select(h => (double)h).ToArray();
        string name = $"G6c({string.Join(",", Tuples[0])})";
        var figure = new Figure("g6c-heads.png", $"Multi-head suppression of {name}", "N_h", "G_6c",
            [new LineSeries("theory, derived at each N_h", xs, theory, CurveStyle.SolidWithMarkers), new LineSeries("G_6c(N_h = 1) / N_h^2", xs, xs.Select(h => theory[0] / (h * h)).ToArray(), CurveStyle.Dashed)],
            [new PointSeries("Monte Carlo", xs, mc, se)], LogX: true, LogY: true,
            Caption: $"The connected six-point function {name} against the number of heads, theory and Monte Carlo beside the G6c(1) / N_h^2 line: heads add their cumulants, so G6c falls as 1/N_h^2.");
        return (figure, theoryOne, monteCarloOne);
    }

    private static (IReadOnlyList<G6Entry> Theory, IReadOnlyList<G6Entry> MonteCarlo) Both(
        Architecture architecture, PointSet pair, ValidationOptions options, long networks, ulong run)
    {
        var selection = TupleSelection.Of(Tuples.Select(t => t.Select(i => Math.Min(i, pair.Count - 1)).ToArray()), 6, pair.Count, "--g6");
        var theory = TheoryEvaluator.Evaluate(architecture, pair, new TheoryOptions(Math.Max(2, options.TheorySamples / 4), options.Seed) { G6 = selection }).G6!;
        var monteCarlo = MonteCarloSampler.Sample(new SampleOptions(architecture, pair)
        {
            Networks = networks,
            Seed = options.Seed + 1_000_003UL * run,
            Method = SamplingMethod.Exact,
            Threads = options.Threads,
            G4 = TupleSelection.None(4),
            G6 = selection,
        }).Result.G6!;
        return (theory, monteCarlo);
    }
}
