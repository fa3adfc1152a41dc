// SPDX-License-Identifier: MIT
using MathNet.Numerics;
using MathNet.Numerics.Integration;
using NnQft.Model;

namespace NnQft.Numerics.Sampling;

/// <summary>
/// The RF kernels k(r) of THEORY.md section 7, which the exact sampler needs at D = infinity (where the Grams stop
/// being random). Kept private to the sampler: the public kernel evaluator lives in NnQft.Numerics.Kernels.
/// </summary>
internal static class LimitKernels
{
    /// <summary>k(r) of <paramref name="density"/> in dimension <paramref name="d"/> (k(0) = 1 unless amplitude-weighted).</summary>
    public static double Value(SpectralDensity density, int d, double r) => density switch
    {
        GaussianDensity g => Math.Exp(-r * r / (2 * g.LengthScale * g.LengthScale)),
        CauchyDensity c => Math.Exp(-r / c.LengthScale),
        MaternDensity m => Matern(m.Nu, m.LengthScale, r),
        BallDensity b => Ball(d, b.Cutoff * r),
        FreeScalarDensity f => FreeScalar(d, f.Cutoff, f.Mass, r),
        _ => throw new ArgumentOutOfRangeException(nameof(density), density, null),
    };

    private static double Matern(double nu, double lengthScale, double r)
    {
        if (r == 0) return 1.0;
        double s = nu / 2;
        double z = Math.Sqrt(nu) * r / lengthScale;
        if (z > 700) return 0.0;
        return Math.Exp((1 - s) * Math.Log(2) - SpecialFunctions.GammaLn(s) + s * Math.Log(z)) * SpecialFunctions.BesselK(s, z);
    }

    private static double Ball(int d, double z)
    {
        if (z < 1e-8) return 1.0;
        double nu = d / 2.0;
        return Math.Exp(SpecialFunctions.GammaLn(nu + 1) + nu * Math.Log(2 / z)) * SpecialFunctions.BesselJ(nu, z);
    }

    // (2 pi)^(-d/2) r^(1-d/2) int_0^L p^(d/2) J_(d/2-1)(p r) / (p^2 + m^2) dp, the radial form of the cut-off propagator.
    private static double FreeScalar(int d, double cutoff, double mass, double r)
    {
        const int panels = 400;
        double h = cutoff / panels;
        double sum = 0;
        if (r == 0)
        {
            double surface = 2 * Math.Pow(Math.PI, d / 2.0) / SpecialFunctions.Gamma(d / 2.0);
            for (int i = 0; i < panels; i++)
                sum += GaussLegendreRule.Integrate(p => Math.Pow(p, d - 1) / (p * p + mass * mass), i * h, (i + 1) * h, 16);
            return surface * sum / Math.Pow(2 * Math.PI, d);
        }
        double order = d / 2.0 - 1;
        for (int i = 0; i < panels; i++)
            sum += GaussLegendreRule.Integrate(p => Math.Pow(p, d / 2.0) * SpecialFunctions.BesselJ(order, p * r) / (p * p + mass * mass), i * h, (i + 1) * h, 16);
        return Math.Pow(2 * Math.PI, -d / 2.0) * Math.Pow(r, 1 - d / 2.0) * sum;
    }
}
