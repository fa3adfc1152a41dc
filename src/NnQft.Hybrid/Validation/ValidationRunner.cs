// SPDX-License-Identifier: MIT
using NnQft.Hybrid.Theory;
using NnQft.Model;
using NnQft.Numerics.MonteCarlo;
using NnQft.Numerics.Results;
using NnQft.Numerics.Sampling;

namespace NnQft.Hybrid.Validation;

/// <summary>
/// Theory against Monte Carlo on one architecture. The z-table compares like with like: the theory is exact at
/// D = d_k = infinity, so the Monte Carlo side samples that limit too (the exact sampler at the architecture's d_v,
/// heads and bias). The architecture's own finite D and d_k appear only in the finite-width figure, as the deviation
/// of G2 from the limit against 1/D = 1/d_k.
/// </summary>
/// <example><code>var outcome = ValidationRunner.Run(Architecture.Default with { Tokens = 2 }, PointSet.Default, new ValidationOptions(Networks: 1_000, AuxiliaryNetworks: 100, TheorySamples: 1_000), status: Console.Error.WriteLine);</code></example>
public static class ValidationRunner
{
    /// <summary>Runs every comparison and builds the figures; <paramref name="status"/> hears what is running.</summary>
    /// <example><code>ValidationOutcome o = ValidationRunner.Run(Architecture.Default, PointSet.Default, new ValidationOptions(Networks: 1_000, AuxiliaryNetworks: 100, TheorySamples: 1_000), s =&gt; Console.WriteLine(s)); // new ValidationOptions() is the validate command</code></example>
    public static ValidationOutcome Run(Architecture architecture, PointSet points, ValidationOptions options, Action<string>? status = null)
    {
        architecture.Validated();
        points.ValidatedFor(architecture);
        status ??= _ => { };
        var limit = TheoryEvaluator.Limit(architecture);

        status($"theory: {TheoryEvaluator.MethodFor(architecture)}");
        var theory = TheoryEvaluator.Evaluate(architecture, points, new TheoryOptions(options.TheorySamples, options.Seed));
        status($"Monte Carlo: {options.Networks} exact networks at D = d_k = inf");
        var monteCarlo = Sample(limit, points, options.Networks, options);
        var pair = PointSet.Of([points.Point(0).ToArray(), points.Point(Math.Min(1, points.Count - 1)).ToArray()]);
        status("six points: G6c rows on the first two points and G6c against N_h");
        var (sixRows, sixFigure) = SixPointValidation.Run(limit, pair, options);
        var report = new ValidationReport([.. Compare(theory, monteCarlo), .. sixRows], theory.Method);

        var figures = new List<Figure> { TwoPointFigure(limit, points, theory, monteCarlo) };
        status("figure: G4c against N_h");
        figures.Add(HeadsFigure(limit, pair, options));
        figures.Add(sixFigure);
        status("figure: excess kurtosis against sigma_s^2");
        figures.Add(KurtosisFigure(limit, pair, options));
        status("figure: independence breaking and finite width against d_v");
        figures.Add(WidthPartsFigure(limit, pair, options));
        status("figure: finite D and d_k against the limit");
        figures.Add(FiniteWidthFigure(architecture, pair, options));
        return new ValidationOutcome(report, theory, monteCarlo, figures);
    }

    /// <summary>z-rows for every G2 pair (i &lt;= j) and every connected G4 tuple.</summary>
    /// <example><code>
    /// var o = new SampleOptions(Architecture.Default, PointSet.Default) { Networks = 1_000 };
    /// var rows = ValidationRunner.Compare(TheoryEvaluator.Evaluate(Architecture.Default, PointSet.Default, new TheoryOptions(5_000)), MonteCarloSampler.Sample(o).Result);
    /// </code></example>
    public static IReadOnlyList<ValidationRow> Compare(CorrelatorResult theory, CorrelatorResult monteCarlo)
    {
        var rows = new List<ValidationRow>();
        int p = theory.G2.Value.Count;
        for (int i = 0; i < p; i++)
            for (int j = i; j < p; j++)
                rows.Add(ValidationRow.Compare($"G2({i},{j})", theory.G2.Value[i][j], theory.G2.Stderr[i][j], monteCarlo.G2.Value[i][j], monteCarlo.G2.Stderr[i][j]));
        for (int q = 0; q < theory.G4.Count; q++)
        {
            var t = theory.G4[q];
            var m = monteCarlo.G4[q];
            if (!t.Index.SequenceEqual(m.Index)) throw new InvalidOperationException("theory and Monte Carlo list G4 tuples in different orders");
            rows.Add(ValidationRow.Compare($"G4c({string.Join(",", t.Index)})", t.Connected, t.ConnectedStderr, m.Connected, m.ConnectedStderr));
        }
        return rows;
    }

    // Each auxiliary run gets its own seed: runs sharing a seed share their random streams, and their estimates would
    // err together (a plot of several runs would then show a common offset, not independent scatter).
    private static CorrelatorResult Sample(Architecture architecture, PointSet points, long networks, ValidationOptions options, ulong run = 0) =>
        MonteCarloSampler.Sample(new SampleOptions(architecture, points)
        {
            Networks = networks,
            Seed = options.Seed + 1_000_003UL * run,
            Method = SamplingMethod.Exact,
            Threads = options.Threads,
        }).Result;

    private static CorrelatorResult TheoryAt(Architecture architecture, PointSet points, ValidationOptions options) =>
        TheoryEvaluator.Evaluate(architecture, points, new TheoryOptions(Math.Max(2, options.TheorySamples / 4), options.Seed));

    private static Figure TwoPointFigure(Architecture limit, PointSet points, CorrelatorResult theory, CorrelatorResult monteCarlo)
    {
        // Theory curve along a ray from the first point; isotropy makes G2 a function of r alone.
        double rMax = 0;
        for (int a = 0; a < points.Count; a++)
            for (int b = 0; b < points.Count; b++) rMax = Math.Max(rMax, points.Distance(a, b));
        rMax = Math.Max(rMax * 1.05, 0.5);
        var rs = Enumerable.Range(0, 41).Select(i => rMax * i / 40).ToArray();
        var ray = PointSet.Of(rs.Select(r => (IReadOnlyList<double>)Enumerable.Range(0, limit.Dimension).Select(c => c == 0 ? r : 0.0).ToArray()));
        var curve = TheoryEvaluator.TwoPointFromFirst(limit, ray);
        var (x, y, e) = (new List<double>(), new List<double>(), new List<double>());
        for (int a = 0; a < points.Count; a++)
            for (int b = a; b < points.Count; b++)
            {
                x.Add(points.Distance(a, b));
                y.Add(monteCarlo.G2.Value[a][b]);
                e.Add(monteCarlo.G2.Stderr[a][b]);
            }
        return new Figure("g2-r.png", "Two-point function G2(r)", "r = |x - y|", "G2",
            [new LineSeries("theory (quadrature)", rs, curve)],
            [new PointSeries($"Monte Carlo ({monteCarlo.Samples} networks)", x, y, e)]);
    }

    private static Figure HeadsFigure(Architecture limit, PointSet pair, ValidationOptions options)
    {
        int[] heads = [1, 2, 4, 8];
        var theory = new List<double>();
        var (mc, se) = (new List<double>(), new List<double>());
        foreach (int h in heads)
        {
            var arch = limit with { Heads = h };
            theory.Add(G4c(TheoryAt(arch, pair, options), [0, 0, 1, 1]).Connected);
            // G4c falls like 1/N_h while its standard error does not, so larger N_h get proportionally more networks.
            var m = G4c(Sample(arch, pair, 2 * h * options.AuxiliaryNetworks, options, run: 10 + (ulong)h), [0, 0, 1, 1]);
            mc.Add(m.Connected);
            se.Add(m.ConnectedStderr);
        }
        var xs = heads.Select(h => (double)h).ToArray();
        return new Figure("g4c-heads.png", "Multi-head suppression of G4c(0,0,1,1)", "N_h", "G4c",
            [new LineSeries("theory", xs, theory), new LineSeries("G4c(N_h = 1) / N_h", xs, xs.Select(h => theory[0] / h).ToArray())],
            [new PointSeries("Monte Carlo", xs, mc, se)], LogX: true, LogY: true);
    }

    private static Figure KurtosisFigure(Architecture limit, PointSet pair, ValidationOptions options)
    {
        double[] sigma2 = [0.25, 1, 2.25, 4, 6.25];
        var single = PointSet.Of([pair.Point(0).ToArray()]);
        var theory = new List<double>();
        var (mc, se) = (new List<double>(), new List<double>());
        foreach (double s2 in sigma2)
        {
            var arch = limit with { SigmaQ = Math.Sqrt(s2), SigmaK = 1.0 };
            var t = TheoryAt(arch, single, options);
            theory.Add(G4c(t, [0, 0, 0, 0]).Connected / (t.G2.Value[0][0] * t.G2.Value[0][0]));
            var m = Sample(arch, single, options.AuxiliaryNetworks, options, run: 100 + (ulong)theory.Count);
            double g2 = m.G2.Value[0][0];
            var c = G4c(m, [0, 0, 0, 0]);
            mc.Add(c.Connected / (g2 * g2));
            // Delta method, keeping the dominant G4c error (G2's relative error is far smaller).
            se.Add(c.ConnectedStderr / (g2 * g2));
        }
        return new Figure("kurtosis.png", "Excess kurtosis at one point", "sigma_s^2 = sigma_Q^2 sigma_K^2", "G4c(x,x,x,x) / G2(x,x)^2",
            [new LineSeries("theory", sigma2, theory)], [new PointSeries("Monte Carlo", sigma2, mc, se)]);
    }

    private static Figure WidthPartsFigure(Architecture limit, PointSet pair, ValidationOptions options)
    {
        double[] widths = [4, 16, 64, 256, 1024];
        var (ib, fw, total) = (new List<double>(), new List<double>(), new List<double>());
        var (mc, se) = (new List<double>(), new List<double>());
        foreach (double w in widths)
        {
            var arch = limit with { ValueWidth = Width.Of((int)w) };
            var t = G4c(TheoryAt(arch, pair, options), [0, 0, 1, 1]);
            ib.Add(t.IndependenceBreaking ?? double.NaN);
            fw.Add(t.FiniteWidth ?? double.NaN);
            total.Add(t.Connected);
            var m = G4c(Sample(arch, pair, options.AuxiliaryNetworks, options, run: 200 + (ulong)w), [0, 0, 1, 1]);
            mc.Add(m.Connected);
            se.Add(m.ConnectedStderr);
        }
        return new Figure("g4c-parts-dv.png", "G4c(0,0,1,1): independence breaking and finite width", "d_v", "G4c part",
            [new LineSeries("independence breaking (theory)", widths, ib), new LineSeries("finite width 1/d_v (theory)", widths, fw), new LineSeries("total (theory)", widths, total)],
            [new PointSeries("total (Monte Carlo)", widths, mc, se)], LogX: true, LogY: true);
    }

    private static Figure FiniteWidthFigure(Architecture architecture, PointSet pair, ValidationOptions options)
    {
        var widths = new SortedSet<int> { 8, 32, 128 };
        if (architecture.Features.IsFinite) widths.Add(architecture.Features.Value);
        double limitValue = TheoryEvaluator.TwoPoint(architecture, pair)[0][1];
        var (x, y, e) = (new List<double>(), new List<double>(), new List<double>());
        foreach (int w in widths)
        {
            var arch = architecture with { Features = Width.Of(w), KeyWidth = Width.Of(w) };
            var m = Sample(arch, pair, options.AuxiliaryNetworks, options, run: 300 + (ulong)w);
            x.Add(1.0 / w);
            y.Add(m.G2.Value[0][1] - limitValue);
            e.Add(m.G2.Stderr[0][1]);
        }
        return new Figure("finite-width.png", "Finite D = d_k: G2(x0,x1) minus its D = d_k = inf limit", "1/D = 1/d_k", "G2 - G2(inf)",
            [new LineSeries("limit (0)", [0, x.Max()], [0, 0])], [new PointSeries("Monte Carlo", x, y, e)]);
    }

    private static G4Entry G4c(CorrelatorResult result, int[] index) =>
        result.G4.First(g => g.Index.SequenceEqual(index));
}
