// SPDX-License-Identifier: MIT
using MathNet.Numerics.Integration;
using NnQft.Numerics.Attention;

namespace NnQft.Numerics.Tests;

/// <summary>Hard attention (orthant probabilities) and the bivariate normal distribution function behind it.</summary>
public class AttentionHardLimitTests
{
    [TestCase(-0.95)]
    [TestCase(-0.4)]
    [TestCase(0.0)]
    [TestCase(0.6)]
    [TestCase(0.97)]
    public void GeneralOrthantIntegralReproducesTheTwoTokenClosedForm(double rho) =>
        Assert.That(HardAttention.Integrate(2, rho), Is.EqualTo(0.25 + Math.Asin(rho) / (2 * Math.PI)).Within(1e-12));

    [Test]
    public void FullyCorrelatedTokensWinWithProbabilityOneOverT()
    {
        Assert.That(HardAttention.TwoPoint(7, 1.0), Is.EqualTo(1.0 / 7));
        Assert.That(HardAttention.Integrate(7, 0.999999), Is.EqualTo(1.0 / 7).Within(2e-3));
        Assert.That(HardAttention.Integrate(6, 0.0), Is.EqualTo(1.0 / 36).Within(1e-12));
    }

    [TestCase(4, 0.5)]
    [TestCase(9, -0.3)]
    public void OrthantProbabilityMatchesMonteCarloOfTheArgmax(int tokens, double rho)
    {
        var random = new Random(11);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        const int n = 200_000;
        int wins = 0;
        double c = Math.Sqrt(1 - rho * rho);
        for (int s = 0; s < n; s++)
        {
            bool first = true, second = true;
            double z1 = Normal(), w1 = rho * z1 + c * Normal();
            for (int t = 1; t < tokens; t++)
            {
                double z = Normal(), w = rho * z + c * Normal();
                first &= z < z1;
                second &= w < w1;
            }
            if (first && second) wins++;
        }
        double p = HardAttention.TwoPoint(tokens, rho), se = Math.Sqrt(p * (1 - p) / n);
        Assert.That(Math.Abs((wins / (double)n - p) / se), Is.LessThan(5));
    }

    [TestCase(0.3, -0.2, 0.5)]
    [TestCase(-1.1, 0.7, -0.8)]
    [TestCase(1.5, 1.2, 0.95)]
    [TestCase(-0.4, 2.0, -0.99)]
    [TestCase(2.2, -2.5, 0.2)]
    public void BivariateCdfMatchesOneDimensionalIntegral(double x, double y, double rho)
    {
        // P(X < x, Y < y) = int_{-inf}^x phi(u) Phi((y - rho u) / sqrt(1 - rho^2)) du.
        double c = Math.Sqrt(1 - rho * rho);
        double integral = 0;
        const int panels = 200;
        double lo = -12, h = (x - lo) / panels;
        for (int i = 0; i < panels; i++)
            integral += GaussLegendreRule.Integrate(
                u => Math.Exp(-0.5 * u * u) / Math.Sqrt(2 * Math.PI) * BivariateNormal.Phi((y - rho * u) / c), lo + i * h, lo + (i + 1) * h, 20);
        Assert.That(BivariateNormal.Cdf(x, y, rho), Is.EqualTo(integral).Within(1e-14));
    }

    [TestCase(-0.999)]
    [TestCase(-0.5)]
    [TestCase(0.93)]
    [TestCase(0.9999)]
    public void BivariateCdfAtTheOriginIsTheSheppardFormula(double rho) =>
        Assert.That(BivariateNormal.Cdf(0, 0, rho), Is.EqualTo(0.25 + Math.Asin(rho) / (2 * Math.PI)).Within(1e-15));
}
