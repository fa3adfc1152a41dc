// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;

namespace NnQft.Numerics.Attention;

/// <summary>
/// E[A_1(x) A_1(y)] at d_k = infinity by the Laplace-transform representation of docs/theory.md section 6, in
/// logarithmic Laplace variables (u = e^alpha, w = e^beta). There the two factors are the joint density f_1 of
/// token 1's (V, V') = (G - z, G' - z') and the joint survival functions S_t of the other tokens (G, G' standard
/// Gumbel-min), so F = int int f_1 prod_t S_t d alpha d beta (the Gumbel-max picture: token 1 wins at both points).
/// Everything is evaluated in rotated coordinates p = (alpha + beta)/2, q = (alpha - beta)/2 where the Gaussian
/// blur is separable, by trapezoid sums on uniform grids: their error decays like exp(-pi^2 / h) for the analytic,
/// exponentially decaying integrands involved. No exponential of a logit is ever formed, so nothing overflows.
/// </summary>
internal static class TwoPointQuadrature
{
    /// <summary>
    /// The final pass keeps the neglected mass below this fraction of F. The outer trapezoid error, ~ 100 exp(-pi^2 / h)
    /// relative to F, is below 1e-12 as well at the spacings used (see <see cref="OuterSpacing"/>).
    /// </summary>
    private const double RelativeFloor = 1e-12;

    /// <summary>
    /// F for token 1 with law <paramref name="target"/> against the other tokens' laws (with multiplicities).
    /// The truncations must reach as deep as F is small (a moment of 1e-18 lives in the 9-sigma tails): the depth comes
    /// from a lower bound of F (1/T^2 for exchangeable tokens with rho &gt;= 0, where F increases with rho) or from a
    /// coarse first pass, and the value is recomputed deeper if it turns out smaller than that estimate allowed for.
    /// The coarse pass also bounds the window of cells that matter, and the final pass computes only those.
    /// </summary>
    public static double Evaluate(TokenLogitLaw target, IReadOnlyList<(TokenLogitLaw Law, int Count)> others, double refinement = 1.0)
    {
        int otherCount = 0;
        foreach (var (_, count) in others) otherCount += count;
        bool exchangeable = others.All(o => o.Law == target);
        double uniform = 1.0 / ((otherCount + 1.0) * (otherCount + 1.0));
        bool knownBound = exchangeable && target.Correlation >= 0;
        double estimate = uniform;
        IntegrandWindow? window = null;
        // The coarse pass also finds where the integrand matters. That pays when it is much narrower than the truncations:
        // when many tokens compete (only a tail of token 1's law wins) or when F has no known lower bound. Its window is
        // only trusted once it looked as deep as its own value asks (a too shallow pass finds an artefact, not F).
        if (!knownBound || otherCount >= WindowFromTokens)
        {
            double depth = DepthFor(uniform);
            for (int attempt = 0; attempt < 3; attempt++)
            {
                var coarse = Pass(target, others, new QuadratureResolution(CoarseRefinement * refinement, depth), knownBound ? uniform : estimate, null, findWindow: true);
                if (!knownBound) estimate = coarse.Value;
                if (DepthFor(estimate) <= depth + 1.0)
                {
                    window = coarse.Window;
                    break;
                }
                depth = DepthFor(estimate);
            }
        }
        for (int pass = 0; ; pass++)
        {
            var resolution = new QuadratureResolution(refinement, DepthFor(estimate));
            double value = Pass(target, others, resolution, estimate, pass == 0 ? window : null, findWindow: false).Value;
            // Deep enough when the value needs no more depth than was used (or after two corrections, which only
            // happen when the coarse pass was off by orders of magnitude).
            if (DepthFor(value) <= resolution.Depth + 1.0 || pass == 2) return value;
            estimate = value;
        }
    }

    /// <summary>From this many other tokens on, exchangeable moments with rho &gt;= 0 also get a coarse pass for the window.</summary>
    private const int WindowFromTokens = 15;

    /// <summary>
    /// Where the integrand is worth computing: p in [PLow, PHigh], q in [0, QHigh]. An edge that the coarse pass found at
    /// its own truncation is marked infinite, so a deeper final pass keeps its own truncation there.
    /// </summary>
    private readonly record struct IntegrandWindow(double PLow, double PHigh, double QHigh);

    /// <summary>
    /// Cells whose value is below this fraction of the cell sum are outside the window: even 1e5 of them would make
    /// 1e-12 F, and in the exponentially decaying tails they make far less.
    /// </summary>
    private const double WindowFloor = 1e-17;

    /// <summary>Moments below this are computed to an absolute error of about RelativeFloor times it.</summary>
    internal const double SmallestRelative = 1e-30;

    /// <summary>
    /// The first pass only has to place F within a factor of about e (one unit of depth); a wrong estimate costs time,
    /// never accuracy, since the final pass is repeated deeper whenever its value asks for more depth. At 0.35 the estimate
    /// was within 0.1% on the cases measured; at 0.25 it was off by up to 36 times at T = 4096 (a third pass).
    /// </summary>
    private const double CoarseRefinement = 0.35;

    private static double DepthFor(double magnitude) =>
        -Math.Log(RelativeFloor * Math.Clamp(magnitude, SmallestRelative, 1.0));

    /// <summary>One pass at a fixed resolution; <paramref name="magnitude"/> (an estimate of F) sets the outer spacing.</summary>
    internal static double Evaluate(TokenLogitLaw target, IReadOnlyList<(TokenLogitLaw Law, int Count)> others,
        QuadratureResolution resolution, double magnitude) =>
        Pass(target, others, resolution, magnitude, null, findWindow: false).Value;

    /// <summary>
    /// One pass, over the truncations of <paramref name="resolution"/> cut to <paramref name="window"/>; with
    /// <paramref name="findWindow"/>, also the window of the cells that matter (two cells of margin on every side).
    /// </summary>
    private static (double Value, IntegrandWindow? Window) Pass(TokenLogitLaw target, IReadOnlyList<(TokenLogitLaw Law, int Count)> others,
        QuadratureResolution resolution, double magnitude, IntegrandWindow? window, bool findWindow)
    {
        int otherCount = 0;
        foreach (var (_, count) in others) otherCount += count;
        // Where many tokens compete, or F is small for another reason, only a tail of token 1's (V, V') wins; there the
        // integrand varies on the Gaussian scale divided by sqrt(2 ln T) ~ sqrt(ln(1 / F)).
        double tail = Math.Max(1.0, Math.Max(Math.Sqrt(2 * Math.Log(1 + otherCount)), Math.Sqrt(-Math.Log(Math.Min(1.0, magnitude)))));
        double sa = target.SumScale, sb = target.DifferenceScale, reach = resolution.Reach;
        double pLow = resolution.GumbelLowerHalfSum - reach * sa, pHigh = 3.8 + reach * sa;
        double qHigh = resolution.GumbelHalfDifference + reach * sb;
        if (window is { } w)
        {
            pLow = Math.Max(pLow, w.PLow);
            pHigh = Math.Min(pHigh, w.PHigh);
            qHigh = Math.Min(qHigh, w.QHigh);
        }
        var p = UniformGrid(pLow, pHigh, OuterSpacing(sa, tail) / resolution.Refinement);
        // Swapping the two points (z <-> z', G <-> G') maps q to -q and leaves every law invariant (equal variances
        // at both points), so only q >= 0 is computed and q > 0 counts twice.
        var q = HalfGrid(qHigh, OuterSpacing(sb, tail) / resolution.Refinement);
        double hp = p.Length > 1 ? p[1] - p[0] : 1, hq = q.Length > 1 ? q[1] - q[0] : 1;

        int cells = p.Length * q.Length;
        using var productBuffer = new PooledBuffer(cells);
        using var survivalBuffer = new PooledBuffer(cells);
        using var densityBuffer = new PooledBuffer(cells);
        Span<double> product = productBuffer.Span, survival = survivalBuffer.Span, density = densityBuffer.Span;
        product.Fill(1.0);
        bool haveDensity = false;
        foreach (var (law, count) in others)
        {
            bool withDensity = !haveDensity && law == target;
            GumbelSurvivalGrid.Evaluate(law, p, q, resolution, survival, withDensity ? density : Span<double>.Empty);
            haveDensity |= withDensity;
            MultiplyByPower(product, survival, count);
        }
        if (!haveDensity) GumbelSurvivalGrid.Evaluate(target, p, q, resolution, survival, density);

        // Cells are laid out [j * p.Length + i]; the column q = 0 counts once, every other column twice.
        double sum = 2 * TensorPrimitives.Dot(density, product)
                     - TensorPrimitives.Dot(density[..p.Length], product[..p.Length]);
        return (2 * hp * hq * sum, findWindow ? Significant(p, q, density, product, WindowFloor * sum) : null);
    }

    /// <summary>
    /// The product of the other tokens' survivals is kept at or above this. Cells below it contribute less than 1e-100 in
    /// all, far under the absolute accuracy claimed, and the floor keeps every product with a density (itself zero or
    /// above 1e-200) out of the subnormal range, where x86 arithmetic is a hundred times slower.
    /// </summary>
    private const double ProductFloor = 1e-100;

    /// <summary>
    /// product *= survival^count by binary powering (survival is overwritten). Survivals below ProductFloor^(1/count)
    /// are raised to it first, so no intermediate power underflows; the error of the powers, about count * 1e-16
    /// relative, is that of exp(count * log S) as well, at a fraction of the cost for the usual small counts.
    /// </summary>
    private static void MultiplyByPower(Span<double> product, Span<double> survival, int count)
    {
        TensorPrimitives.Max(survival, Math.Pow(ProductFloor, 1.0 / count), survival);
        for (int n = count; ; )
        {
            if ((n & 1) != 0) TensorPrimitives.Multiply(product, survival, product);
            n >>= 1;
            if (n == 0) break;
            TensorPrimitives.Multiply(survival, survival, survival);
        }
        TensorPrimitives.Max(product, ProductFloor, product);
    }

    private static IntegrandWindow? Significant(double[] p, double[] q, ReadOnlySpan<double> density, ReadOnlySpan<double> product, double floor)
    {
        int np = p.Length, nq = q.Length, iLow = np, iHigh = -1, jHigh = -1;
        for (int j = 0; j < nq; j++)
            for (int i = 0; i < np; i++)
                if (density[j * np + i] * product[j * np + i] > floor)
                {
                    iLow = Math.Min(iLow, i);
                    iHigh = Math.Max(iHigh, i);
                    jHigh = j;
                }
        if (iHigh < 0) return null;
        const int margin = 2;
        return new IntegrandWindow(
            iLow - margin <= 0 ? double.NegativeInfinity : p[iLow - margin],
            iHigh + margin >= np - 1 ? double.PositiveInfinity : p[iHigh + margin],
            jHigh + margin >= nq - 1 ? double.PositiveInfinity : q[jHigh + margin]);
    }

    // Trapezoid error for functions analytic in |Im| < pi/2 (the Gumbel kernels) is ~ 100 exp(-pi^2 / h): spacing
    // 0.3 gives ~1e-12. A Gaussian blur of width s smooths the integrand on the scale s, and many competing tokens
    // sharpen it again by ~ sqrt(2 ln T); spacing s / (2.5 sqrt(2 ln T)) was measured to keep errors below 1e-11
    // (a sharper model, solving pi^2/h + 2 pi^2 s^2/h^2 = 32, was not safe at large T and |rho| near 1).
    private static double OuterSpacing(double scale, double tail) => Math.Max(0.3, scale / (2.5 * tail));

    private static double[] HalfGrid(double hi, double h)
    {
        int n = (int)Math.Ceiling(hi / h) + 1;
        double step = hi / (n - 1);
        var grid = new double[n];
        for (int i = 0; i < n; i++) grid[i] = i * step;
        return grid;
    }

    private static double[] UniformGrid(double lo, double hi, double h)
    {
        int n = (int)Math.Ceiling((hi - lo) / h) + 1;
        double step = (hi - lo) / (n - 1);
        var grid = new double[n];
        for (int i = 0; i < n; i++) grid[i] = lo + i * step;
        return grid;
    }
}
