// SPDX-License-Identifier: MIT
using NnQft.Numerics.Attention;

namespace NnQft.Numerics.Tests;

/// <summary>The logit sampler and the four-point attention moments it estimates.</summary>
public class AttentionMonteCarloTests
{
    // Four points on a line with a Gaussian query kernel and Gaussian token kernels: s^2 k0 k_t.
    private static double[,] Covariance(double sigma2, double lengthScale)
    {
        double[] x = [0.0, 0.4, 1.1, 1.1];
        var c = new double[4, 4];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                c[i, j] = sigma2 * Math.Exp(-(x[i] - x[j]) * (x[i] - x[j]) / (2 * lengthScale * lengthScale));
        return c;
    }

    [Test]
    public void SameSeedGivesIdenticalEstimates()
    {
        var sampler = new LogitSampler(Enumerable.Repeat(Covariance(1.5, 0.8), 5).ToList());
        AttentionProduct[] products = [AttentionProduct.FourPoint(0, 0, 1, 0, 2, 3), AttentionProduct.FourPoint(0, 0, 1, 1, 2, 3)];
        var a = AttentionMonteCarlo.Estimate(sampler, products, 10_000, 3);
        var b = AttentionMonteCarlo.Estimate(sampler, products, 10_000, 3);
        Assert.That(a, Is.EqualTo(b));
        var c = AttentionMonteCarlo.Estimate(sampler, products, 10_000, 4);
        Assert.That(c[0].Value, Is.Not.EqualTo(a[0].Value));
    }

    [Test]
    public void WeightsSumToOneSoTokenSumsCollapse()
    {
        // sum_u A_u(x_c) = 1 in every draw: the same-token and T - 1 two-token three-factor products add up to M2.
        const int tokens = 4;
        var sampler = new LogitSampler(Enumerable.Repeat(Covariance(2.0, 0.7), tokens).ToList());
        var products = new List<AttentionProduct> { AttentionProduct.TwoPoint(0, 0, 1) };
        for (int u = 0; u < tokens; u++) products.Add(new AttentionProduct([new(0, 0), new(0, 1), new(u, 2)]));
        var e = AttentionMonteCarlo.Estimate(sampler, products, 20_000, 5);
        double sum = e.Skip(1).Sum(x => x.Value);
        Assert.That(sum, Is.EqualTo(e[0].Value).Within(1e-12));
    }

    [Test]
    public void ZeroLogitVarianceGivesUniformWeightsExactly()
    {
        var sampler = new LogitSampler(Enumerable.Repeat(new double[4, 4], 3).ToList());
        var e = AttentionMonteCarlo.Estimate(sampler, [AttentionProduct.FourPoint(0, 0, 1, 2, 2, 3)], 100, 1)[0];
        Assert.That(e.Value, Is.EqualTo(1.0 / 81).Within(1e-16));
        Assert.That(e.StandardError, Is.EqualTo(0).Within(1e-16));
    }

    [Test]
    public void TwoPointMomentMatchesQuadratureWithinStandardErrors()
    {
        const double sigma2 = 2.0, lengthScale = 0.8;
        var covariance = Covariance(sigma2, lengthScale);
        var sampler = new LogitSampler(Enumerable.Repeat(covariance, 6).ToList());
        var e = AttentionMonteCarlo.Estimate(sampler, [AttentionProduct.TwoPoint(2, 0, 1), AttentionProduct.TwoPoint(3, 2, 3)], 40_000, 8);
        double rho = covariance[0, 1] / sigma2;
        double quadrature = AttentionMoments.TwoPoint(6, sigma2, rho);
        Assert.That(Math.Abs((e[0].Value - quadrature) / e[0].StandardError), Is.LessThan(5));
        // Points 2 and 3 coincide (a singular covariance): the moment is E[A^2] = F_T(sigma^2, 1).
        Assert.That(Math.Abs((e[1].Value - AttentionMoments.TwoPoint(6, sigma2, 1.0)) / e[1].StandardError), Is.LessThan(5));
    }

    [Test]
    public void FourPointMomentsAtCoincidentPointsReduceToTwoPointMoments()
    {
        // With x_c = x_d the two-token moment E[A_t(a) A_t(b) A_u(c) A_u(c)] is a genuine four-point moment; with all
        // four points equal, the same-token one is E[A^4], which the quadrature cannot give but Jensen bounds:
        // E[A^4] >= E[A^2]^2.
        var covariance = Covariance(3.0, 0.6);
        var sampler = new LogitSampler(Enumerable.Repeat(covariance, 3).ToList());
        var e = AttentionMonteCarlo.Estimate(sampler, [AttentionProduct.FourPoint(0, 2, 3, 0, 2, 3)], 40_000, 2)[0];
        double m2 = AttentionMoments.TwoPoint(3, 3.0, 1.0);
        Assert.That(e.Value - m2 * m2, Is.GreaterThan(5 * e.StandardError));
    }

    [Test]
    public void RejectsIndefiniteCovarianceNamingTheToken()
    {
        var bad = new double[,] { { 1, 2 }, { 2, 1 } };
        var e = Assert.Throws<NnQft.Model.InvalidInputException>(() => new LogitSampler([new double[,] { { 1, 0 }, { 0, 1 } }, bad]));
        Assert.That(e!.Message, Does.StartWith("covariance[1]"));
    }
}
