// SPDX-License-Identifier: MIT
using MathNet.Numerics;
using MathNet.Numerics.Integration;
using NnQft.Model;

namespace NnQft.Numerics.Tests;

/// <summary>docs/theory.md section 7 written out independently for the tests (the library has its own copy).</summary>
internal static class KernelClosedForms
{
    public static double Value(SpectralDensity density, int d, double r) => density switch
    {
        GaussianDensity g => Math.Exp(-r * r / (2 * g.LengthScale * g.LengthScale)),
        CauchyDensity c => Math.Exp(-r / c.LengthScale),
        MaternDensity m => r == 0 ? 1 : MaternAt(m.Nu / 2, Math.Sqrt(m.Nu) * r / m.LengthScale),
        BallDensity b => Ball(d, b.Cutoff * r),
        FreeScalarDensity f => FreeScalar(d, f.Cutoff, f.Mass, r),
        _ => throw new ArgumentOutOfRangeException(nameof(density)),
    };

    private static double MaternAt(double s, double z) => Math.Pow(2, 1 - s) / SpecialFunctions.Gamma(s) * Math.Pow(z, s) * SpecialFunctions.BesselK(s, z);

    private static double Ball(int d, double z)
    {
        if (z == 0) return 1;
        return d switch
        {
            1 => Math.Sin(z) / z,
            2 => 2 * SpecialFunctions.BesselJ(1, z) / z,
            3 => 3 * (Math.Sin(z) - z * Math.Cos(z)) / (z * z * z),
            _ => throw new ArgumentOutOfRangeException(nameof(d)),
        };
    }

    private static double FreeScalar(int d, double cutoff, double m, double r)
    {
        Func<double, double> integrand = d switch
        {
            1 => p => Math.Cos(p * r) / (p * p + m * m) / Math.PI,
            2 => p => p * SpecialFunctions.BesselJ(0, p * r) / (p * p + m * m) / (2 * Math.PI),
            3 when r == 0 => p => p * p / (p * p + m * m) / (2 * Math.PI * Math.PI),
            3 => p => p * Math.Sin(p * r) / (p * p + m * m) / (2 * Math.PI * Math.PI * r),
            _ => throw new ArgumentOutOfRangeException(nameof(d)),
        };
        double sum = 0;
        const int panels = 200;
        for (int i = 0; i < panels; i++)
            sum += GaussLegendreRule.Integrate(integrand, cutoff * i / panels, cutoff * (i + 1) / panels, 12);
        return sum;
    }

    public static IEnumerable<SpectralDensity> Families() =>
    [
        new GaussianDensity(0.7), new MaternDensity(3, 0.8), new CauchyDensity(0.9), new BallDensity(3.0), new FreeScalarDensity(4.0, 1.0),
    ];
}
