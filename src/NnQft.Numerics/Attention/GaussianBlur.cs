// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;

namespace NnQft.Numerics.Attention;

/// <summary>
/// A Gaussian expectation E[g(x_i + s Y)], Y ~ N(0, 1), for every output point x_i of a uniform grid, written as a
/// sparse weighted sum over shared nodes: sum_l W[i, l] g(node_l). Shared nodes are what make the 2D blur of
/// docs/theory.md section 6 separable: g is evaluated once on the node lattice and reused by every output point.
/// </summary>
internal sealed class GaussianBlur
{
    private GaussianBlur(double[] nodes, int[] rowStart, int[] columns, double[] weights)
    {
        Nodes = nodes;
        RowStart = rowStart;
        Weights = weights;
        // Every construction below gives each row a contiguous run of columns.
        FirstColumn = new int[rowStart.Length - 1];
        for (int i = 0; i < FirstColumn.Length; i++) FirstColumn[i] = rowStart[i] < rowStart[i + 1] ? columns[rowStart[i]] : 0;
    }

    /// <summary>The points where g must be evaluated.</summary>
    public double[] Nodes { get; }

    /// <summary>Row i of the sparse weight matrix holds Weights[RowStart[i] .. RowStart[i+1]) for the
    /// consecutive columns FirstColumn[i], FirstColumn[i] + 1, ...</summary>
    public int[] RowStart { get; }

    public int[] FirstColumn { get; }

    /// <summary>sum_l W[i, l] values[l].</summary>
    public double Apply(int row, ReadOnlySpan<double> values)
    {
        int start = RowStart[row], length = RowStart[row + 1] - start;
        var w = new ReadOnlySpan<double>(Weights, start, length);
        return TensorPrimitives.Dot(w, values.Slice(FirstColumn[row], length));
    }

    public double[] Weights { get; }

    /// <summary>
    /// The blur of width <paramref name="scale"/> at the outputs <paramref name="outputs"/>; lattice nodes with
    /// |x| &gt; <paramref name="nodeBound"/> are dropped (the blurred function is known to vanish there).
    /// <paramref name="resolution"/> sets the Gaussian reach and the lattice spacing.
    /// </summary>
    /// <remarks>
    /// When <paramref name="smoothScale"/> &gt;= 2, the blurred function is known to be sharp (unit scale) only for
    /// |x| &lt; <paramref name="sharpWithin"/> and smooth on the scale min(s, smoothScale) beyond: the lattice is then
    /// laid in a variable u with x = g(u), g' = 1 inside and g' = lambda = min(s, smoothScale) outside (an analytic
    /// softplus blend), which keeps the trapezoid rule's exponential accuracy with lambda times fewer far nodes.
    /// </remarks>
    public static GaussianBlur Create(double[] outputs, double scale, double nodeBound, QuadratureResolution resolution,
        double sharpWithin = double.PositiveInfinity, double smoothScale = 0)
    {
        if (scale == 0) return Identity(outputs);
        if (scale < resolution.HermiteBelow) return Hermite(outputs, scale);
        double stretch = Math.Min(scale, smoothScale);
        if (stretch >= 2) return StretchedLattice(outputs, scale, nodeBound, sharpWithin, stretch, resolution);
        return Lattice(outputs, scale, nodeBound, resolution);
    }

    private const double BlendWidth = 2.0;

    private static double Softplus(double x) => x > 30 ? x : Math.Log(1 + Math.Exp(x));

    private static double Logistic(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    // g(u) = u + (lambda - 1) w [softplus((u - c)/w) - softplus((-u - c)/w)]: odd, increasing, analytic in |Im u| < pi w.
    private static double Map(double u, double c, double lambda) =>
        u + (lambda - 1) * BlendWidth * (Softplus((u - c) / BlendWidth) - Softplus((-u - c) / BlendWidth));

    private static double MapDerivative(double u, double c, double lambda) =>
        1 + (lambda - 1) * (Logistic((u - c) / BlendWidth) + Logistic((-u - c) / BlendWidth));

    private static double InverseMap(double x, double c, double lambda)
    {
        double lo = Math.Min(x, x / lambda) - 1, hi = Math.Max(x, x / lambda) + 1;
        for (int i = 0; i < 200 && hi - lo > 1e-13 * (1 + Math.Abs(x)); i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Map(mid, c, lambda) < x) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static GaussianBlur StretchedLattice(double[] outputs, double scale, double nodeBound, double sharpWithin, double lambda,
        QuadratureResolution resolution)
    {
        double h = resolution.InnerSpacing, reach = resolution.Reach;
        double lo = InverseMap(Math.Max(outputs[0] - reach * scale, -nodeBound), sharpWithin, lambda);
        double hi = InverseMap(Math.Min(outputs[^1] + reach * scale, nodeBound), sharpWithin, lambda);
        int count = Math.Max(1, (int)Math.Ceiling((hi - lo) / h) + 1);
        var nodes = new double[count];
        var jacobian = new double[count];
        for (int l = 0; l < count; l++)
        {
            double u = lo + l * h;
            nodes[l] = Map(u, sharpWithin, lambda);
            jacobian[l] = h * MapDerivative(u, sharpWithin, lambda);
        }
        // Each output's run of nodes within the reach, then all Gaussian weights by one vectorised exponential.
        var rows = new int[outputs.Length + 1];
        var firsts = new int[outputs.Length];
        for (int i = 0; i < outputs.Length; i++)
        {
            int first = Array.BinarySearch(nodes, outputs[i] - reach * scale);
            if (first < 0) first = ~first;
            int end = Array.BinarySearch(nodes, first, count - first, outputs[i] + reach * scale);
            end = end < 0 ? ~end : end + 1;
            firsts[i] = first;
            rows[i + 1] = rows[i] + Math.Max(0, end - first);
        }
        var cols = new int[rows[^1]];
        var w = new double[rows[^1]];
        for (int i = 0; i < outputs.Length; i++)
            for (int at = rows[i], l = firsts[i]; at < rows[i + 1]; at++, l++)
            {
                double z = (nodes[l] - outputs[i]) / scale;
                cols[at] = l;
                w[at] = -0.5 * z * z;
            }
        TensorPrimitives.Exp(w, w);
        double norm = 1.0 / (Math.Sqrt(2 * Math.PI) * scale);
        for (int at = 0; at < w.Length; at++) w[at] *= norm * jacobian[cols[at]];
        return new GaussianBlur(nodes, rows, cols, w);
    }

    private static GaussianBlur Identity(double[] outputs)
    {
        int n = outputs.Length;
        var rows = new int[n + 1];
        var cols = new int[n];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            rows[i + 1] = i + 1;
            cols[i] = i;
            w[i] = 1.0;
        }
        return new GaussianBlur((double[])outputs.Clone(), rows, cols, w);
    }

    // For narrow blurs the integrand g(x + s y) is analytic in a strip of half-width ~ (pi/2)/s >= 2 pi in y, so
    // 8 Hermite nodes are exact to ~exp(-2 * 2 pi * 4) ~ 1e-22 (HermiteBelow shrinks with the depth, widening the strip
    // in proportion, so the error stays below epsilon); a lattice would need spacing ~ s / 2.5. Much narrower blurs
    // (logit correlations near 1) need fewer nodes, see HermiteOrder.
    private static GaussianBlur Hermite(double[] outputs, double scale)
    {
        var rule = GaussHermiteNodes.OfOrder(HermiteOrder(scale));
        int n = outputs.Length, m = rule.Nodes.Length;
        var nodes = new double[n * m];
        var rows = new int[n + 1];
        var cols = new int[n * m];
        var w = new double[n * m];
        for (int i = 0; i < n; i++)
        {
            rows[i + 1] = (i + 1) * m;
            for (int k = 0; k < m; k++)
            {
                int idx = i * m + k;
                nodes[idx] = outputs[i] + scale * rule.Nodes[k];
                cols[idx] = idx;
                w[idx] = rule.Weights[k];
            }
        }
        return new GaussianBlur(nodes, rows, cols, w);
    }

    /// <summary>
    /// An m-node rule errs by m! s^{2m} g^{(2m)} / (2m)!; g's singularities lie pi/2 off the real axis (logarithmic, from
    /// log 2 cosh), so |g^{(2m)}| is at most about (2m - 1)! (2 / pi)^{2m} and the error below m! / (2m) (2 s / pi)^{2m}:
    /// the fewest nodes (at most eight) that bring this bound under 1e-18: fewer than eight only for s &lt; 0.054, that is
    /// for sigma^2 (1 - rho) &lt; 0.006 (the b-blur's width is sqrt(sigma^2 (1 - rho) / 2)).
    /// </summary>
    private static int HermiteOrder(double scale)
    {
        double ratio = 2 * scale / Math.PI, factorial = 1;
        for (int m = 1; m < 8; m++)
        {
            factorial *= m;
            if (factorial / (2 * m) * Math.Pow(ratio, 2 * m) < 1e-18) return m;
        }
        return 8;
    }

    // Trapezoid rule on a lattice: for an integrand analytic in the strip |Im| < pi/2 (the Gumbel kernels) times
    // a Gaussian of width s >= 2.5 h, the error is ~ exp(pi^2 / (8 s^2) - pi^2 / h) (< 1e-16 for h <= 0.25; see
    // QuadratureResolution.InnerSpacing for why it need not shrink for tiny moments).
    private static GaussianBlur Lattice(double[] outputs, double scale, double nodeBound, QuadratureResolution resolution)
    {
        double h = Math.Min(resolution.InnerSpacing, scale / 2.5 / resolution.Refinement), reach = resolution.Reach;
        double lo = Math.Max(outputs[0] - reach * scale, -nodeBound);
        double hi = Math.Min(outputs[^1] + reach * scale, nodeBound);
        int count = Math.Max(1, (int)Math.Ceiling((hi - lo) / h) + 1);
        var nodes = new double[count];
        for (int l = 0; l < count; l++) nodes[l] = lo + l * h;
        var rows = new int[outputs.Length + 1];
        int perRow = Math.Min(count, (int)Math.Ceiling(2 * reach * scale / h) + 3);
        var cols = new int[outputs.Length * perRow];
        var w = new double[outputs.Length * perRow];
        double norm = h / (Math.Sqrt(2 * Math.PI) * scale), delta = h / scale, step = Math.Exp(-delta * delta);
        int used = 0;
        for (int i = 0; i < outputs.Length; i++)
        {
            int first = Math.Max(0, (int)Math.Floor((outputs[i] - reach * scale - lo) / h));
            int last = Math.Min(count - 1, (int)Math.Ceiling((outputs[i] + reach * scale - lo) / h));
            // Gaussian weights along the lattice by the ratio recurrence w(u + delta) = w(u) exp(-u delta - delta^2 / 2),
            // restarted exactly every 32 nodes: two multiplications per weight instead of an exponential.
            double weight = 0, ratio = 0;
            for (int l = first; l <= last; l++)
            {
                if ((l - first) % 32 == 0)
                {
                    double u = (nodes[l] - outputs[i]) / scale;
                    weight = norm * Math.Exp(-0.5 * u * u);
                    ratio = Math.Exp(-u * delta - 0.5 * delta * delta);
                }
                cols[used] = l;
                w[used++] = weight;
                weight *= ratio;
                ratio *= step;
            }
            rows[i + 1] = used;
        }
        return new GaussianBlur(nodes, rows, cols[..used], w[..used]);
    }
}
