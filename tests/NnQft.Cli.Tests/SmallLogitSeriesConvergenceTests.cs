// SPDX-License-Identifier: MIT
using NnQft.Numerics.Attention;
using NnQft.Symbolic;

namespace NnQft.Cli.Tests;

/// <summary>
/// The symbolic small-logit series of F_T (NnQft.Symbolic) against the numeric quadrature (NnQft.Numerics, relative
/// error below 1e-9): the series through sigma^order leaves a remainder c (sigma^2)^(order/2 + 1) + ..., so halving
/// sigma^2 must divide the error by about 2^(order/2 + 1). This project is the one that sees both modules.
/// </summary>
public class SmallLogitSeriesConvergenceTests
{
    /// <summary>
    /// log2(error(s) / error(s/2)) and log2(error(s/2) / error(s/4)) for sigma^2 = s, s/2, s/4. The next term of the
    /// remainder shifts the observed exponent by O(s): at the finest pair it must be within 0.5 of order/2 + 1.
    /// </summary>
    private static (double Coarse, double Fine, double SmallestError) Rates(int order, int tokens, double rho, double s)
    {
        double Error(double sigma2)
        {
            double quadrature = AttentionMoments.TwoPoint(tokens, sigma2, rho);
            double error = Math.Abs(SmallLogitSeries.Value(order, tokens, sigma2, rho) - quadrature);
            // Only a truncation error far above the quadrature's 1e-9 relative error measures the series.
            Assert.That(error, Is.GreaterThan(1000 * 1e-9 * quadrature), $"T = {tokens}, rho = {rho}, sigma^2 = {sigma2}: error {error:E3} too close to the quadrature accuracy");
            return error;
        }
        double e1 = Error(s), e2 = Error(s / 2), e4 = Error(s / 4);
        return (Math.Log2(e1 / e2), Math.Log2(e2 / e4), e4);
    }

    [TestCase(8, 2, 0.6, 0.5)]
    [TestCase(8, 3, -0.4, 1.0)]
    [TestCase(8, 16, 0.9, 2.0)]
    [TestCase(8, 256, 0.3, 2.0)]
    [TestCase(6, 4, 0.5, 0.5)]
    [TestCase(4, 8, -0.7, 0.5)]
    [TestCase(10, 2, 0.8, 0.5)]
    public void ErrorShrinksAtTheClaimedRatePerHalvingOfSigmaSquared(int order, int tokens, double rho, double s)
    {
        var (coarse, fine, smallest) = Rates(order, tokens, rho, s);
        double expected = order / 2 + 1;
        TestContext.Out.WriteLine($"order {order}, T = {tokens}, rho = {rho}: log2 ratios {coarse:F3}, {fine:F3} (expected {expected}); error at s/4 {smallest:E3}");
        Assert.That(fine, Is.EqualTo(expected).Within(0.5), $"observed rate {fine:F3} at the finest halving");
        Assert.That(coarse, Is.EqualTo(expected).Within(1.0), $"observed rate {coarse:F3} at the coarsest halving");
    }

    [Test]
    public void OneOrderLessWouldBeDetected()
    {
        // The same data analysed with the rate of order 6 must fail for the order-8 series (the test discriminates).
        var (_, fine, _) = Rates(8, 2, 0.6, 0.5);
        Assert.That(Math.Abs(fine - (6 / 2 + 1)), Is.GreaterThan(0.5));
    }
}
