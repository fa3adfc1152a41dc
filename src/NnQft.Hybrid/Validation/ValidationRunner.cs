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

    private static CorrelatorResult TheoryAt(Architecture architecture, PointSet points, ValidationOptions options, long divisor = 4) =>
        TheoryEvaluator.Evaluate(architecture, points, new TheoryOptions(Math.Max(2, options.TheorySamples / divisor), options.Seed));

    /// <summary>Theory evaluations of a curve, one per value, on the run's threads (each is independent and seeded).</summary>
    private static T[] Curve<T>(IReadOnlyList<double> values, ValidationOptions options, Func<double, T> evaluate)
    {
        var results = new T[values.Count];
        Parallel.For(0, values.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, i => results[i] = evaluate(values[i]));
        return results;
    }

    /// <summary>n + 1 values from a to b, evenly spaced (or evenly in the logarithm).</summary>
    private static double[] Grid(double a, double b, int n, bool logarithmic = false) =>
        Enumerable.Range(0, n + 1)
            .Select(i => logarithmic ? a * Math.Pow(b / a, (double)i / n) : a + (b - a) * i / n)
            .ToArray();

    private static BandSeries Band(string label, IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> se) =>
        new(label, x, y.Zip(se, (v, e) => v - e).ToArray(), y.Zip(se, (v, e) => v + e).ToArray());

    private static Figure TwoPointFigure(Architecture limit, PointSet points, CorrelatorResult theory, CorrelatorResult monteCarlo)
    {
        // Theory curve along a ray from the first point; isotropy makes G2 a function of r alone. Quadrature is exact
        // and cheap, so the curve is smooth and has no band.
        double rMax = 0;
        for (int a = 0; a < points.Count; a++)
            for (int b = 0; b < points.Count; b++) rMax = Math.Max(rMax, points.Distance(a, b));
        rMax = Math.Max(rMax * 1.05, 0.5);
        var rs = Grid(0, rMax, 80);
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
        return new Figure("g2-r.png", "Two-point function G_2(r) at D = d_k = inf", "r = |x - y|", "G_2(r)",
            [new LineSeries("theory (quadrature, 81 values of r)", rs, curve)],
            [new PointSeries($"Monte Carlo ({monteCarlo.Samples} networks), every pair of points", x, y, e)],
            Caption: "G_2 of every pair of points against the pair's distance r, with the theory curve along one ray: where the points lie on the curve, G_2 depends on r alone (Euclidean invariance, docs/theory.md section 3).");
    }

    private static Figure HeadsFigure(Architecture limit, PointSet pair, ValidationOptions options)
    {
        int[] heads = [1, 2, 4, 8];
        // Theory at every N_h from 1 to 8 (it is defined at integers only), with its logit Monte Carlo error.
        var all = Enumerable.Range(1, 8).Select(h => (double)h).ToArray();
        var theory = Curve(all, options, h => G4c(TheoryAt(limit with { Heads = (int)h }, pair, options), [0, 0, 1, 1]));
        var (mc, se) = (new List<double>(), new List<double>());
        foreach (int h in heads)
        {
            // G4c falls like 1/N_h while its standard error does not, so larger N_h get proportionally more networks.
            var m = G4c(Sample(limit with { Heads = h }, pair, 2 * h * options.AuxiliaryNetworks, options, run: 10 + (ulong)h), [0, 0, 1, 1]);
            mc.Add(m.Connected);
            se.Add(m.ConnectedStderr);
        }
        var values = theory.Select(t => t.Connected).ToArray();
        var errors = theory.Select(t => t.ConnectedStderr).ToArray();
        var smooth = Grid(1, 8.5, 60, logarithmic: true);
        return new Figure("g4c-heads.png", "Multi-head suppression of G_4c(x_0,x_0,x_1,x_1)", "N_h", "G_4c",
            [
                new LineSeries("theory, derived at each N_h (band: +- 1 standard error)", all, values, CurveStyle.SolidWithMarkers),
                new LineSeries("G_4c(N_h = 1) / N_h", smooth, smooth.Select(h => values[0] / h).ToArray(), CurveStyle.Dashed),
            ],
            [new PointSeries("Monte Carlo (2 N_h x the networks)", heads.Select(h => (double)h).ToArray(), mc, se)],
            LogX: true, LogY: true,
            Bands: [Band("theory, derived at each N_h (band: +- 1 standard error)", all, values, errors)],
            Caption: "G_4c against the number of heads N_h on log axes, with the line G_4c(1)/N_h of slope -1 that docs/theory.md section 5 predicts for theory and Monte Carlo alike.");
    }

    private static Figure KurtosisFigure(Architecture limit, PointSet pair, ValidationOptions options)
    {
        double[] sigma2 = [0.25, 1, 2.25, 4, 6.25];
        var single = PointSet.Of([pair.Point(0).ToArray()]);
        // The smooth theory curve: 50 sigma_s^2 values with a tenth of the logit samples each; one seed for all, so the
        // curve's noise is common to its points and it stays smooth (the band shows its size).
        var curveX = Grid(0.25, 6.25, 49);
        var curve = Curve(curveX, options, s2 =>
        {
            var t = TheoryAt(limit with { SigmaQ = Math.Sqrt(s2), SigmaK = 1.0 }, single, options, divisor: 10);
            double g2 = t.G2.Value[0][0];
            var c = G4c(t, [0, 0, 0, 0]);
            return (Value: c.Connected / (g2 * g2), Stderr: c.ConnectedStderr / (g2 * g2));
        });
        var (mc, se) = (new List<double>(), new List<double>());
        foreach (double s2 in sigma2)
        {
            var arch = limit with { SigmaQ = Math.Sqrt(s2), SigmaK = 1.0 };
            var m = Sample(arch, single, options.AuxiliaryNetworks, options, run: 100 + (ulong)mc.Count + 1);
            double g2 = m.G2.Value[0][0];
            var c = G4c(m, [0, 0, 0, 0]);
            mc.Add(c.Connected / (g2 * g2));
            // Delta method, keeping the dominant G4c error (G2's relative error is far smaller).
            se.Add(c.ConnectedStderr / (g2 * g2));
        }
        var values = curve.Select(c => c.Value).ToArray();
        return new Figure("kurtosis.png", "Excess kurtosis at one point", "sigma_s^2 = sigma_Q^2 sigma_K^2", "G_4c(x,x,x,x) / G_2(x,x)^2",
            [new LineSeries("theory (band: +- 1 standard error)", curveX, values)], [new PointSeries("Monte Carlo", sigma2, mc, se)],
            Bands: [Band("theory (band: +- 1 standard error)", curveX, values, curve.Select(c => c.Stderr).ToArray())],
            Caption: "The excess kurtosis G_4c/G_2^2 at one point against the logit variance sigma_s^2, the measure of how far the field is from Gaussian: theory with its band, Monte Carlo at five values.");
    }

    private static Figure WidthPartsFigure(Architecture limit, PointSet pair, ValidationOptions options)
    {
        double[] widths = [4, 16, 64, 256, 1024];
        // Theory at 50 value widths (a seed common to all, so the parts are smooth in d_v); Monte Carlo at five.
        var curveX = Grid(4, 1024, 49, logarithmic: true);
        var theory = Curve(curveX, options, w => G4c(TheoryAt(limit with { ValueWidth = Width.Of((int)Math.Round(w)) }, pair, options, divisor: 10), [0, 0, 1, 1]));
        var (mc, se) = (new List<double>(), new List<double>());
        foreach (double w in widths)
        {
            var m = G4c(Sample(limit with { ValueWidth = Width.Of((int)w) }, pair, options.AuxiliaryNetworks, options, run: 200 + (ulong)w), [0, 0, 1, 1]);
            mc.Add(m.Connected);
            se.Add(m.ConnectedStderr);
        }
        var dv = curveX.Select(w => Math.Round(w)).ToArray();
        var total = theory.Select(t => t.Connected).ToArray();
        return new Figure("g4c-parts-dv.png", "G_4c(x_0,x_0,x_1,x_1): independence breaking and finite width", "d_v", "G_4c and its parts",
            [
                new LineSeries("independence breaking (theory)", dv, theory.Select(t => t.IndependenceBreaking ?? double.NaN).ToArray()),
                new LineSeries("finite width, O(1/d_v) (theory)", dv, theory.Select(t => t.FiniteWidth ?? double.NaN).ToArray(), CurveStyle.Dashed),
                new LineSeries("total G_4c (theory; band: +- 1 standard error)", dv, total),
            ],
            [new PointSeries("total G_4c (Monte Carlo)", widths, mc, se)], LogX: true, LogY: true,
            Bands: [Band("total G_4c (theory; band: +- 1 standard error)", dv, total, theory.Select(t => t.ConnectedStderr).ToArray())],
            Caption: "The two parts of G_4c against the value width d_v: the independence-breaking part, which does not depend on d_v, and the finite-width part of order 1/d_v, with their sum against Monte Carlo (docs/theory.md section 4).");
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
        // The lines are curves over 1/D = 1/d_k (today only the limit, 0; a first-order theory line joins it here).
        var inverse = Grid(0, x.Max() * 1.05, 50);
        return new Figure("finite-width.png", "Finite D = d_k: G_2(x_0,x_1) minus its D = d_k = inf limit", "1/D = 1/d_k", "G_2 - G_2(D = d_k = inf)",
            [new LineSeries("limit (0)", inverse, new double[inverse.Length])], [new PointSeries("Monte Carlo", x, y, e)],
            Caption: "The deviation of G_2 at finite D = d_k from its value at D = d_k = inf, against 1/D: the points should approach 0 as the widths grow.");
    }

    private static G4Entry G4c(CorrelatorResult result, int[] index) =>
        result.G4.First(g => g.Index.SequenceEqual(index));
}
