// SPDX-License-Identifier: MIT
using NnQft.Numerics.Attention;

namespace NnQft.Numerics.Tests;

/// <summary>
/// The tabulated blurs of the Gumbel kernels, H(c) = E kappa(c + s Y) and J(c) = E e^{2(c + s Y)} kappa(c + s Y), against a
/// plain fine trapezoid sum over Y in [-12, 12] (independent of the table's lattice, its step-plus-residual split and
/// its truncations), from the heat-series regime (s &lt; 0.1) to wide blurs.
/// </summary>
public class BlurredGumbelTests
{
    [TestCase(0.05)]
    [TestCase(0.5)]
    [TestCase(0.87)]
    [TestCase(3.0)]
    [TestCase(8.0)]
    public void TablesMatchADirectGaussianAverage(double scale)
    {
        var table = BlurredGumbel.Create(scale, lowest: -40, gridSpacing: 0.3, QuadratureResolution.Default);
        foreach (double c in new[] { -30.0, -12.0, -3.0, -0.4, 0.0, 1.7, 4.0 })
        {
            var (survival, density) = table.Evaluate(c);
            var (expectedSurvival, expectedDensity) = DirectAverage(c, scale);
            Assert.That(survival, Is.EqualTo(expectedSurvival).Within(1e-14 + 1e-10 * expectedSurvival), $"H({c})");
            Assert.That(density, Is.EqualTo(expectedDensity).Within(1e-14 + 1e-10 * expectedDensity), $"J({c})");
        }
    }

    private static (double Survival, double Density) DirectAverage(double c, double scale)
    {
        const int nodes = 240_001;
        double h = 24.0 / (nodes - 1), survival = 0, density = 0;
        for (int i = 0; i < nodes; i++)
        {
            double y = -12 + i * h;
            double weight = h * Math.Exp(-0.5 * y * y) / Math.Sqrt(2 * Math.PI);
            double x = Math.Exp(c + scale * y);
            double kappa = Math.Exp(-x);
            survival += weight * kappa;
            density += weight * x * x * kappa;
        }
        return (survival, density);
    }
}
