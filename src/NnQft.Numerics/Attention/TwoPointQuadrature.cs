// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Attention;

/// <summary>
/// E[A_1(x) A_1(y)] at d_k = infinity by the Laplace-transform representation of THEORY.md section 6, in
/// logarithmic Laplace variables (u = e^alpha, w = e^beta). There the two factors are the joint density f_1 of
/// token 1's (V, V') = (G - z, G' - z') and the joint survival functions S_t of the other tokens (G, G' standard
/// Gumbel-min), so F = int int f_1 prod_t S_t d alpha d beta (the Gumbel-max picture: token 1 wins at both points).
/// Everything is evaluated in rotated coordinates p = (alpha + beta)/2, q = (alpha - beta)/2 where the Gaussian
/// blur is separable, by trapezoid sums on uniform grids: their error decays like exp(-pi^2 / h) for the analytic,
/// exponentially decaying integrands involved. No exponential of a logit is ever formed, so nothing overflows.
/// </summary>
internal static class TwoPointQuadrature
{
    /// <summary>Half-widths of the outer box in units of the Gaussian scale: tails below 1e-16.</summary>
    private const double Reach = GaussianBlur.Reach;

    /// <summary>F for token 1 with law <paramref name="target"/> against the other tokens' laws (with multiplicities).</summary>
    public static double Evaluate(TokenLogitLaw target, IReadOnlyList<(TokenLogitLaw Law, int Count)> others, double refinement = 1.0)
    {
        int otherCount = 0;
        foreach (var (_, count) in others) otherCount += count;
        // Where many tokens compete only the lower tail of token 1's (V, V') wins; there S^(T-1) varies on the
        // Gaussian scale divided by sqrt(2 ln T).
        double tail = Math.Max(1.0, Math.Sqrt(2 * Math.Log(1 + otherCount)));
        double sa = target.SumScale, sb = target.DifferenceScale;
        // (G + G')/2 < -19.5 and |G - G'|/2 > 18.5 have probability below 1e-16.
        var p = UniformGrid(-19.5 - Reach * sa, 3.8 + Reach * sa, OuterSpacing(sa, tail) / refinement);
        // Swapping the two points (z <-> z', G <-> G') maps q to -q and leaves every law invariant (equal variances
        // at both points), so only q >= 0 is computed and q > 0 counts twice.
        var q = HalfGrid(18.5 + Reach * sb, OuterSpacing(sb, tail) / refinement);
        double hp = p.Length > 1 ? p[1] - p[0] : 1, hq = q.Length > 1 ? q[1] - q[0] : 1;

        int cells = p.Length * q.Length;
        var logProduct = new double[cells];
        double[]? density = null;
        foreach (var (law, count) in others)
        {
            bool isTarget = law == target;
            var (survival, dens) = GumbelSurvivalGrid.Evaluate(law, p, q, isTarget && density is null, refinement);
            if (dens is not null) density = dens;
            for (int c = 0; c < cells; c++) logProduct[c] += count * Math.Log(survival[c]);
        }
        density ??= GumbelSurvivalGrid.Evaluate(target, p, q, true, refinement).Density!;

        double sum = 0;
        for (int c = 0; c < cells; c++)
            if (density[c] != 0) sum += (c % q.Length == 0 ? 1.0 : 2.0) * density[c] * Math.Exp(logProduct[c]);
        return 2 * hp * hq * sum;
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
