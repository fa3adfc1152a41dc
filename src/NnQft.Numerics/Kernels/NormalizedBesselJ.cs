// SPDX-License-Identifier: MIT
using MathNet.Numerics;

namespace NnQft.Numerics.Kernels;

/// <summary>
/// Lambda_nu(x) = Gamma(nu + 1) (2 / x)^nu J_nu(x), the Fourier transform of the uniform measure on a sphere:
/// Lambda_nu(0) = 1. It is the building block of the ball and free-scalar kernels (nu = d/2 and d/2 - 1).
/// </summary>
/// <example><code>double lambda = NormalizedBesselJ.Value(nu: 0.5, x: 0.0); // 1</code></example>
public static class NormalizedBesselJ
{
    /// <summary>Below this argument the power series is used: it converges fast and has no 0/0 at x = 0.</summary>
    /// <example><code>bool series = 1.0 &lt; NormalizedBesselJ.SeriesLimit; // true: small arguments use the series</code></example>
    public const double SeriesLimit = 4.0;

    /// <summary>Lambda_nu(x) for nu &gt;= -1/2 and real x (even in x).</summary>
    /// <example><code>double lambda = NormalizedBesselJ.Value(0.5, Math.PI); // 0: sin(pi)/pi</code></example>
    public static double Value(double nu, double x)
    {
        x = Math.Abs(x);
        // Half-integer orders are elementary (odd dimensions): exact and much faster than the general J.
        if (nu == -0.5) return Math.Cos(x);
        if (x < SeriesLimit) return Series(nu, x);
        if (nu == 0.5) return Math.Sin(x) / x;
        if (nu == 1.5) return 3.0 * (Math.Sin(x) - x * Math.Cos(x)) / (x * x * x);
        double logPrefactor = SpecialFunctions.GammaLn(nu + 1) + nu * Math.Log(2.0 / x);
        return Math.Exp(logPrefactor) * SpecialFunctions.BesselJ(nu, x);
    }

    /// <summary>sum_k (-x^2/4)^k / (k! (nu+1)_k): alternating, terms below 1 in size for x &lt; 4, so at most
    /// about one digit is lost to cancellation.</summary>
    /// <example><code>double lambda = NormalizedBesselJ.Series(0.0, 1.0); // ~0.7652: J0(1)</code></example>
    public static double Series(double nu, double x)
    {
        double q = -0.25 * x * x;
        double term = 1.0, sum = 1.0;
        for (int k = 1; k < 200; k++)
        {
            term *= q / (k * (nu + k));
            sum += term;
            if (Math.Abs(term) < 1e-17 * Math.Abs(sum)) break;
        }
        return sum;
    }
}
