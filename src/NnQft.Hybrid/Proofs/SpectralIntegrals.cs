// SPDX-License-Identifier: MIT
using MathNet.Numerics;
using MathNet.Numerics.Integration;

namespace NnQft.Hybrid.Proofs;

/// <summary>
/// k(r) = E_w[cos(w . r)] computed directly from the spectral density by one-dimensional quadrature, independently
/// of the closed forms: the Gaussian by its projection on r, the Student-t family as a Gaussian scale mixture over
/// a chi-squared variable, the ball by its radial density times the angular average of cos.
/// </summary>
internal static class SpectralIntegrals
{
    /// <summary>w ~ N(0, l^-2 I): w . r / |r| ~ N(0, l^-2), so k = int phi(z) cos(z r / l) dz.</summary>
    public static double Gaussian(double r, double l) =>
        Composite(z => Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI) * Math.Cos(z * r / l), -12, 12, 48);

    /// <summary>
    /// Multivariate Student-t, nu dof, scale 1/l: w = z / (l sqrt(g / nu)) with g ~ chi^2_nu, so
    /// k = E_g[exp(-nu r^2 / (2 l^2 g))], integrated in s = ln g (smooth, both tails exponentially small).
    /// </summary>
    public static double StudentT(double r, double l, double nu)
    {
        double a = nu * r * r / (2 * l * l), logNorm = 0.5 * nu * Math.Log(2) + SpecialFunctions.GammaLn(0.5 * nu);
        return Composite(s =>
        {
            double g = Math.Exp(s);
            return Math.Exp(0.5 * nu * s - 0.5 * g - logNorm - a / g);
        }, -70, 8, 160);
    }

    /// <summary>Uniform in the ball of radius L in R^d: radial density d rho^(d-1) / L^d times the sphere average of cos.</summary>
    public static double Ball(double r, double cutoff, int dimension) =>
        Composite(rho => dimension * Math.Pow(rho, dimension - 1) / Math.Pow(cutoff, dimension) * SphereAverageOfCos(rho * r, dimension), 0, cutoff, 16);

    /// <summary>E[cos(s u_1)] for u uniform on the unit sphere of R^d (d = 1, 2, 3).</summary>
    private static double SphereAverageOfCos(double s, int dimension) => dimension switch
    {
        1 => Math.Cos(s),
        2 => Composite(theta => Math.Cos(s * Math.Cos(theta)), 0, Math.PI, 8) / Math.PI,
        3 => s == 0 ? 1 : Math.Sin(s) / s,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "the ball check covers d = 1, 2, 3"),
    };

    /// <summary>Composite 16-point Gauss-Legendre with equal panels.</summary>
    private static double Composite(Func<double, double> f, double lo, double hi, int panels)
    {
        double width = (hi - lo) / panels, sum = 0;
        for (int p = 0; p < panels; p++) sum += GaussLegendreRule.Integrate(f, lo + p * width, lo + (p + 1) * width, 16);
        return sum;
    }
}
