// SPDX-License-Identifier: MIT
using MathNet.Numerics.Integration;
using NnQft.Model;

namespace NnQft.Hybrid.Action;

/// <summary>
/// The tree-level integrals I(x_a, x_b, x_c, x_d) = int d^dx G2(x, x_a) G2(x, x_b) G2(x, x_c) G2(x, x_d) of
/// docs/theory.md section 10, over a box, for many tuples at once.
/// <para>
/// Quadrature: a tensor product of 8-node Gauss-Legendre panels. Every point coordinate inside the box is a panel
/// boundary, so the kinks of non-smooth kernels (|x - x_a| for exp(-r / l)) sit on panel edges in d = 1 and on edge
/// lines more often than not in d = 2, 3. The panel width starts at twice the G2 half-radius and halves until two
/// successive levels agree to <see cref="RelativeTolerance"/> for every tuple (or the node budget of the dimension
/// is spent); the reported error is the difference of the last two levels, which overstates the error of the finer
/// one. G2 is evaluated once per node and point and shared by all tuples.
/// </para>
/// </summary>
/// <example><code>
/// var g2 = RadialTwoPoint.FromTheory(Architecture.Default, 12.0);
/// var box = IntegrationBox.Around(PointSet.Default, margin: 3.0);
/// var result = TreeLevelIntegrals.Compute(PointSet.Default, [[0, 0, 1, 1]], g2, box);
/// </code></example>
public static class TreeLevelIntegrals
{
    /// <summary>Two successive quadrature levels must agree to this fraction of the integral of |integrand|.</summary>
    public const double RelativeTolerance = 1e-7;

    private const int NodesPerPanel = 8;

    /// <summary>The integrals of every tuple over <paramref name="box"/>, with their quadrature error estimates.</summary>
    /// <example><code>var r = TreeLevelIntegrals.Compute(PointSet.Of([[0.0, 0.0], [0.5, 0.0]]), [[0, 0, 1, 1]], RadialTwoPoint.FromTheory(Architecture.Default, 4.0), IntegrationBox.Cube(2, 2.0));</code></example>
    public static IntegralEstimates Compute(PointSet points, IReadOnlyList<IReadOnlyList<int>> tuples, RadialTwoPoint g2, IntegrationBox box)
    {
        if (box.Dimension != points.Dimension) throw new ArgumentException("the box and the points have different dimensions", nameof(box));
        if (box.FarthestDistance(points) > g2.MaxRadius) throw new ArgumentException("the G2 table does not reach across the box", nameof(g2));
        int maxPerAxis = points.Dimension switch { 1 => 1 << 15, 2 => 1 << 10, _ => 160 };
        double width = 2 * g2.Scales.HalfRadius;
        var coarse = Level(points, tuples, g2, box, width);
        while (true)
        {
            width /= 2;
            var axes = Axes(points, box, width);
            var fine = Level(points, tuples, g2, box, width);
            bool converged = true;
            for (int q = 0; q < tuples.Count; q++)
                if (Math.Abs(fine.Value[q] - coarse.Value[q]) > RelativeTolerance * fine.Absolute[q]) converged = false;
            if (converged || axes.Max(a => a.Nodes.Length) * 2 > maxPerAxis)
            {
                var error = Enumerable.Range(0, tuples.Count).Select(q => Math.Abs(fine.Value[q] - coarse.Value[q])).ToArray();
                return new IntegralEstimates(fine.Value, error, converged);
            }
            coarse = fine;
        }
    }

    private static (double[] Value, double[] Absolute) Level(PointSet points, IReadOnlyList<IReadOnlyList<int>> tuples, RadialTwoPoint g2, IntegrationBox box, double width)
    {
        var axes = Axes(points, box, width);
        int d = points.Dimension, p = points.Count, n0 = axes[0].Nodes.Length;
        var flatTuples = tuples.SelectMany(t => t.Count == 4 ? t : throw new ArgumentException("every tuple must hold 4 indices", nameof(tuples))).ToArray();
        // One partial sum per first-axis node, added in order afterwards: the result does not depend on the threads.
        var partial = new double[n0][];
        var partialAbs = new double[n0][];
        Parallel.For(0, n0, i0 =>
        {
            var sum = new double[tuples.Count];
            var abs = new double[tuples.Count];
            var g = new double[p];
            var x = new double[d];
            x[0] = axes[0].Nodes[i0];
            int n1 = d > 1 ? axes[1].Nodes.Length : 1, n2 = d > 2 ? axes[2].Nodes.Length : 1;
            for (int i1 = 0; i1 < n1; i1++)
                for (int i2 = 0; i2 < n2; i2++)
                {
                    double w = axes[0].Weights[i0];
                    if (d > 1) { x[1] = axes[1].Nodes[i1]; w *= axes[1].Weights[i1]; }
                    if (d > 2) { x[2] = axes[2].Nodes[i2]; w *= axes[2].Weights[i2]; }
                    for (int a = 0; a < p; a++) g[a] = g2.At(Distance(x, points.Point(a)));
                    for (int q = 0, f = 0; q < sum.Length; q++, f += 4)
                    {
                        double v = w * g[flatTuples[f]] * g[flatTuples[f + 1]] * g[flatTuples[f + 2]] * g[flatTuples[f + 3]];
                        sum[q] += v;
                        abs[q] += Math.Abs(v);
                    }
                }
            partial[i0] = sum;
            partialAbs[i0] = abs;
        });
        var value = new double[tuples.Count];
        var absolute = new double[tuples.Count];
        for (int i0 = 0; i0 < n0; i0++)
            for (int q = 0; q < value.Length; q++)
            {
                value[q] += partial[i0][q];
                absolute[q] += partialAbs[i0][q];
            }
        return (value, absolute);
    }

    private static (double[] Nodes, double[] Weights)[] Axes(PointSet points, IntegrationBox box, double width)
    {
        var rule = new GaussLegendreRule(-1, 1, NodesPerPanel);
        var result = new (double[], double[])[points.Dimension];
        for (int c = 0; c < points.Dimension; c++)
        {
            var breaks = Enumerable.Range(0, points.Count).Select(a => points[a, c])
                .Where(v => v > box.Lower[c] && v < box.Upper[c])
                .Append(box.Lower[c]).Append(box.Upper[c])
                .Distinct().Order().ToArray();
            var nodes = new List<double>();
            var weights = new List<double>();
            for (int k = 0; k + 1 < breaks.Length; k++)
            {
                double length = breaks[k + 1] - breaks[k];
                int panels = Math.Max(1, (int)Math.Ceiling(length / width - 1e-9));
                double h = length / panels;
                for (int j = 0; j < panels; j++)
                {
                    double mid = breaks[k] + (j + 0.5) * h;
                    for (int i = 0; i < NodesPerPanel; i++)
                    {
                        nodes.Add(mid + 0.5 * h * rule.Abscissas[i]);
                        weights.Add(0.5 * h * rule.Weights[i]);
                    }
                }
            }
            result[c] = (nodes.ToArray(), weights.ToArray());
        }
        return result;
    }

    private static double Distance(double[] x, ReadOnlySpan<double> y)
    {
        double s = 0;
        for (int c = 0; c < x.Length; c++)
        {
            double diff = x[c] - y[c];
            s += diff * diff;
        }
        return Math.Sqrt(s);
    }
}

/// <summary>Tree-level integrals, one per tuple, with the quadrature's error estimate and whether it met its tolerance.</summary>
/// <param name="Value">The integral of each tuple.</param>
/// <param name="Error">The difference of the last two quadrature levels (an over-estimate of the finer level's error).</param>
/// <param name="Converged">False when the node budget ran out before every tuple met <see cref="TreeLevelIntegrals.RelativeTolerance"/>.</param>
/// <example><code>IntegralEstimates r = TreeLevelIntegrals.Compute(PointSet.Of([[0.0, 0.0], [0.5, 0.0]]), [[0, 0, 0, 0]], RadialTwoPoint.FromTheory(Architecture.Default, 5.0), IntegrationBox.Around(PointSet.Of([[0.0, 0.0], [0.5, 0.0]]), 1.5)); double i = r.Value[0];</code></example>
public sealed record IntegralEstimates(IReadOnlyList<double> Value, IReadOnlyList<double> Error, bool Converged);

/// <summary>An axis-aligned box [Lower_c, Upper_c] in d dimensions, the integration region of the coupling integrals.</summary>
/// <param name="Lower">Lower ends, one per coordinate.</param>
/// <param name="Upper">Upper ends, one per coordinate.</param>
/// <example><code>var box = IntegrationBox.Cube(dimension: 2, halfSide: 3.0); // [-3, 3]^2</code></example>
public sealed record IntegrationBox(IReadOnlyList<double> Lower, IReadOnlyList<double> Upper)
{
    /// <summary>Number of coordinates.</summary>
    public int Dimension => Lower.Count;

    /// <summary>The cube [-L, L]^d of a cutoff L (the box of <c>action --cutoff L</c>).</summary>
    /// <example><code>var box = IntegrationBox.Cube(3, 1.5);</code></example>
    public static IntegrationBox Cube(int dimension, double halfSide) =>
        halfSide > 0 && double.IsFinite(halfSide)
            ? new IntegrationBox(Enumerable.Repeat(-halfSide, dimension).ToArray(), Enumerable.Repeat(halfSide, dimension).ToArray())
            : throw new InvalidInputException("--cutoff", "must be a finite number > 0", halfSide.ToString("R", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The points' bounding box widened by <paramref name="margin"/> on every side.</summary>
    /// <example><code>var box = IntegrationBox.Around(PointSet.Default, 2.5);</code></example>
    public static IntegrationBox Around(PointSet points, double margin)
    {
        var lower = new double[points.Dimension];
        var upper = new double[points.Dimension];
        for (int c = 0; c < points.Dimension; c++)
        {
            var values = Enumerable.Range(0, points.Count).Select(a => points[a, c]).ToArray();
            lower[c] = values.Min() - margin;
            upper[c] = values.Max() + margin;
        }
        return new IntegrationBox(lower, upper);
    }

    /// <summary>The largest distance from a point of the set to a point of the box (at a corner).</summary>
    /// <example><code>double r = IntegrationBox.Cube(2, 1.0).FarthestDistance(PointSet.Default);</code></example>
    public double FarthestDistance(PointSet points)
    {
        double best = 0;
        for (int a = 0; a < points.Count; a++)
        {
            double s = 0;
            for (int c = 0; c < Dimension; c++)
            {
                double far = Math.Max(Math.Abs(points[a, c] - Lower[c]), Math.Abs(points[a, c] - Upper[c]));
                s += far * far;
            }
            best = Math.Max(best, Math.Sqrt(s));
        }
        return best;
    }
}
