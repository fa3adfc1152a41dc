// SPDX-License-Identifier: MIT
using MathNet.Numerics.Integration;
using NnQft.Model;
using NnQft.Numerics.Attention;

namespace NnQft.Numerics.Tests;

/// <summary>
/// F_T(sigma^2, rho) by quadrature. Stated accuracy: relative error below 1e-9 for T in [1, 4096], sigma^2 in
/// [0, 100], rho in [-1, 1] whenever F_T &gt;= 1e-30 (below that the error is absolute, below 1e-40). Checked against
/// independent references for T = 2 (any rho) and rho = 1 (any T), against the quadrature at twice the resolution and
/// greater depth (including moments down to 1e-30, which live in the 11-sigma tails), the known limits and Monte Carlo.
/// </summary>
public class AttentionTwoPointTests
{
    private static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    // int_lo^hi f by 20-point Gauss-Legendre panels of width <= width.
    private static double Integrate(Func<double, double> f, double lo, double hi, double width)
    {
        int panels = Math.Max(1, (int)Math.Ceiling((hi - lo) / width));
        double h = (hi - lo) / panels, sum = 0;
        for (int i = 0; i < panels; i++) sum += GaussLegendreRule.Integrate(f, lo + i * h, lo + (i + 1) * h, 20);
        return sum;
    }

    // E[sigmoid(mu + tau Y)]: over t = mu + tau Y on [-45, 45] (sigmoid is 0 or 1 to 1e-19 outside), plus P(t > 45).
    private static double LogisticNormal(double mu, double tau)
    {
        if (tau == 0) return Sigmoid(mu);
        double lo = Math.Max(-45, mu - 12 * tau), hi = Math.Min(45, mu + 12 * tau);
        double inside = lo < hi
            ? Integrate(t => Math.Exp(-0.5 * Math.Pow((t - mu) / tau, 2)) / (Math.Sqrt(2 * Math.PI) * tau) * Sigmoid(t), lo, hi, Math.Min(1.5, tau))
            : 0;
        return inside + BivariateNormal.Phi((mu - 45) / tau);
    }

    /// <summary>T = 2: A_1 = sigmoid(z_1 - z_2), so F = E[sigmoid(D) sigmoid(D')] with (D, D') ~ N(0, 2 sigma^2 [[1, rho], [rho, 1]]).</summary>
    private static double TwoTokenReference(double sigma2, double rho)
    {
        double s = Math.Sqrt(2 * sigma2);
        double tau = s * Math.Sqrt(Math.Max(0, (1 - rho) * (1 + rho)));
        double Inner(double d) => Math.Abs(rho) == 1 ? Sigmoid(rho * d) : LogisticNormal(rho * d, tau);
        double Density(double d) => Math.Exp(-0.5 * d * d / (s * s)) / (Math.Sqrt(2 * Math.PI) * s);
        // sigmoid(D) ~ e^D below -45 is negligible; above the Gaussian reach the integrand vanishes.
        return Integrate(d => Density(d) * Sigmoid(d) * Inner(d), Math.Max(-45, -12 * s), 12 * s, Math.Min(1.0, s));
    }

    [TestCase(0.01, 0.3)]
    [TestCase(1.0, 0.5)]
    [TestCase(1.0, -0.7)]
    [TestCase(9.0, 0.95)]
    [TestCase(100.0, 0.5)]
    [TestCase(100.0, -0.99)]
    [TestCase(100.0, 1.0)]
    [TestCase(100.0, -1.0)]
    [TestCase(25.0, 0.999999)]
    [TestCase(0.3, 1.0)]
    [TestCase(0.05, 0.99)]
    [TestCase(0.2, -0.5)]
    [TestCase(0.0199, 0.02)]
    [TestCase(0.0201, 0.02)]
    [TestCase(1.5625, 0.0)]
    public void TwoTokensMatchIndependentLogisticNormalIntegral(double sigma2, double rho)
    {
        double expected = TwoTokenReference(sigma2, rho);
        double actual = AttentionMoments.TwoPoint(2, sigma2, rho);
        Assert.That(actual, Is.EqualTo(expected).Within(1e-9 * expected), $"reference {expected:R}");
    }

    /// <summary>
    /// rho = 1: F = E[A_1^2] = int J(a) Phi(e^a)^(T-1) da with J(a) = E[e^{2(a+z)} exp(-e^{a+z})] and
    /// Phi(u) = E exp(-u e^z) (1/S^2 = int u e^{-u S} du, u = e^a), one-dimensional Gaussian integrals done here by
    /// Gauss-Legendre panels; 1 - Phi is integrated directly (with expm1) so that Phi^(T-1) keeps its relative accuracy.
    /// </summary>
    private static double FullyCorrelatedReference(int tokens, double sigma2)
    {
        double sigma = Math.Sqrt(sigma2);
        double Gauss(double x, double a) => Math.Exp(-0.5 * Math.Pow((x - a) / sigma, 2)) / (Math.Sqrt(2 * Math.PI) * sigma);
        double J(double a) => Integrate(x => Gauss(x, a) * Math.Exp(2 * x - Math.Exp(x)), Math.Max(a - 13 * sigma, -40), Math.Min(a + 13 * sigma, 4), 1.0);
        double OneMinusPhi(double a)
        {
            double lo = a - 13 * sigma, hi = Math.Min(a + 13 * sigma, 40);
            double inside = lo < hi ? Integrate(x => Gauss(x, a) * -double.ExpM1(-Math.Exp(x)), Math.Max(lo, -60), hi, 1.0) : 0;
            return inside + MathNet.Numerics.SpecialFunctions.Erfc((40 - a) / (sigma * Math.Sqrt(2))) / 2;
        }
        // Where Phi is not close to 1 it is integrated directly (1 - (1 - Phi) would lose it to rounding).
        double Phi(double a) => Integrate(x => Gauss(x, a) * Math.Exp(-Math.Exp(x)), a - 13 * sigma, Math.Min(a + 13 * sigma, 4), 1.0);
        double LogPhi(double a)
        {
            double oneMinus = OneMinusPhi(a);
            return oneMinus < 0.5 ? double.LogP1(-oneMinus) : Math.Log(Phi(a));
        }
        double Integrand(double a) => J(a) * Math.Exp((tokens - 1) * LogPhi(a));
        return Integrate(Integrand, -40 - 13 * sigma, 4 + 13 * sigma, Math.Min(1.0, sigma));
    }

    [TestCase(16, 1.0)]
    [TestCase(300, 25.0)]
    [TestCase(4096, 100.0)]
    public void FullyCorrelatedLogitsMatchIndependentOneDimensionalIntegral(int tokens, double sigma2)
    {
        double expected = FullyCorrelatedReference(tokens, sigma2);
        double actual = AttentionMoments.TwoPoint(tokens, sigma2, 1.0);
        Assert.That(actual, Is.EqualTo(expected).Within(1e-9 * expected), $"reference {expected:R}");
    }

    /// <summary>
    /// Tiny moments (anti-correlated logits, many tokens, large variance) live deep in the Gaussian and Gumbel tails. A
    /// quadrature truncated at fixed depth got these wrong by up to 1e-3 relative (and by orders of magnitude at 1e-30)
    /// while still agreeing with itself at twice the resolution; the check is therefore against twice the resolution
    /// AND ten e-folds more depth.
    /// </summary>
    [TestCase(70, 34.30666887867575, -0.999)]
    [TestCase(95, 97.35476318623627, -0.999)]
    [TestCase(2460, 99.83468661077073, -0.6583370341259693)]
    [TestCase(4096, 100.0, -1.0)]
    public void TinyMomentsAgreeWithADeeperFinerQuadrature(int tokens, double sigma2, double rho)
    {
        var law = new TokenLogitLaw(sigma2, rho);
        double actual = AttentionMoments.TwoPoint(tokens, sigma2, rho);
        double depth = -Math.Log(1e-12 * Math.Max(actual, 1e-30)) + 10;
        double reference = TwoPointQuadrature.Evaluate(law, [(law, tokens - 1)], new QuadratureResolution(2, depth), actual);
        Assert.That(actual, Is.LessThan(1e-10), "a tail case");
        Assert.That(actual, Is.EqualTo(reference).Within(1e-9 * reference));
    }

    /// <summary>
    /// The public evaluation computes only the window of cells that a coarse pass found to matter (a tail of token 1's
    /// law when many tokens compete, or when F is tiny); the whole truncated domain at the same depth gives the same value.
    /// </summary>
    [TestCase(4096, 25.0, 0.5)]
    [TestCase(64, 100.0, -1.0)]
    [TestCase(16, 4.0, -0.5)]
    [TestCase(256, 1.0, 0.99)]
    public void WindowedEvaluationMatchesTheWholeDomain(int tokens, double sigma2, double rho)
    {
        var law = new TokenLogitLaw(sigma2, rho);
        double actual = AttentionMoments.TwoPoint(tokens, sigma2, rho);
        double depth = -Math.Log(1e-12 * Math.Max(actual, 1e-30));
        double whole = TwoPointQuadrature.Evaluate(law, [(law, tokens - 1)], new QuadratureResolution(1, depth), actual);
        Assert.That(actual, Is.EqualTo(whole).Within(1e-10 * whole));
    }

    [TestCase(3, 1.0, 0.5)]
    [TestCase(4096, 1.0, 0.5)]
    [TestCase(4096, 100.0, 0.3)]
    [TestCase(64, 25.0, 0.3)]
    [TestCase(16, 4.0, 0.3)]
    [TestCase(64, 25.0, 0.99999)]
    [TestCase(17, 0.0001, -0.4)]
    [TestCase(5, 100.0, -1.0)]
    [TestCase(300, 49.0, 1.0)]
    public void QuadratureAgreesWithTwiceTheResolution(int tokens, double sigma2, double rho)
    {
        var law = new TokenLogitLaw(sigma2, rho);
        double coarse = TwoPointQuadrature.Evaluate(law, [(law, tokens - 1)]);
        double fine = TwoPointQuadrature.Evaluate(law, [(law, tokens - 1)], refinement: 2);
        Assert.That(coarse, Is.EqualTo(fine).Within(1e-10 * fine));
    }

    [TestCase(1, 100.0, 0.3)]
    [TestCase(1, 0.0, 1.0)]
    public void OneTokenHasWeightOne(int tokens, double sigma2, double rho) =>
        Assert.That(AttentionMoments.TwoPoint(tokens, sigma2, rho), Is.EqualTo(1.0));

    [Test]
    public void TokenOneDensityIntegratesToOne()
    {
        // With no competitor S = 1 and the quadrature integrates token 1's own (V, V') density.
        foreach (var (sigma2, rho) in new[] { (0.0, 0.0), (1.0, 0.5), (100.0, -1.0), (30.0, 0.9999) })
        {
            var law = new TokenLogitLaw(sigma2, rho);
            double total = TwoPointQuadrature.Evaluate(law, []);
            Assert.That(total, Is.EqualTo(1.0).Within(1e-11), $"sigma2={sigma2} rho={rho}");
        }
    }

    [TestCase(2, 0.0, 0.5)]
    [TestCase(7, 0.0, -1.0)]
    [TestCase(2, 1.0, 0.0)]
    [TestCase(10, 25.0, 0.0)]
    [TestCase(4096, 100.0, 0.0)]
    public void UncorrelatedOrZeroVarianceGivesInverseTokensSquared(int tokens, double sigma2, double rho)
    {
        double expected = 1.0 / ((double)tokens * tokens);
        Assert.That(AttentionMoments.TwoPoint(tokens, sigma2, rho), Is.EqualTo(expected).Within(1e-9 * expected));
    }

    [TestCase(2, 0.6)]
    [TestCase(8, -0.5)]
    [TestCase(100, 0.9)]
    public void SmallLogitsFollowTheFirstOrderSeriesWithQuarticRemainder(int tokens, double rho)
    {
        double Remainder(double s2) =>
            AttentionMoments.TwoPoint(tokens, s2, rho) - (1 + rho * s2 * (tokens - 1.0) / tokens) / ((double)tokens * tokens);
        double r1 = Remainder(1e-3), r2 = Remainder(2e-3);
        // O(sigma^4): doubling sigma^2 multiplies the remainder by 4 (to within the sigma^6 term, ~0.2% here).
        Assert.That(r2 / r1, Is.EqualTo(4.0).Within(0.05), $"remainders {r1:E3}, {r2:E3}");
        Assert.That(Math.Abs(r1), Is.LessThan(1e-5 / (tokens * (double)tokens)));
    }

    [TestCase(2, 0.3)]
    [TestCase(5, 0.5)]
    [TestCase(5, -0.3)]
    [TestCase(64, 0.8)]
    public void LargeLogitsApproachHardAttentionLikeInverseSigmaSquared(int tokens, double rho)
    {
        double hard = HardAttention.TwoPoint(tokens, rho);
        double d25 = AttentionMoments.TwoPoint(tokens, 25, rho) - hard;
        double d100 = AttentionMoments.TwoPoint(tokens, 100, rho) - hard;
        Assert.That(d25 / d100, Is.InRange(3.0, 5.0), $"deviations {d25:E3}, {d100:E3}");
        // Richardson extrapolation in 1/sigma^2 removes most of the remaining deviation.
        Assert.That(Math.Abs((4 * d100 - d25) / 3), Is.LessThan(0.25 * Math.Abs(d100)));
    }

    [TestCase(2, 0.5)]
    [TestCase(5, 4.0)]
    [TestCase(64, 2.0)]
    public void IsIncreasingInRho(int tokens, double sigma2)
    {
        double previous = double.NegativeInfinity;
        for (int i = 0; i <= 12; i++)
        {
            double rho = -1 + i / 6.0;
            double f = AttentionMoments.TwoPoint(tokens, sigma2, rho);
            Assert.That(f, Is.GreaterThan(previous), $"rho={rho}");
            previous = f;
        }
    }

    [Test]
    public void AgreesWithLogitMonteCarloAtRandomParameters()
    {
        var random = new Random(4);
        for (int c = 0; c < 6; c++)
        {
            int tokens = 2 + random.Next(40);
            double sigma2 = 25 * random.NextDouble() * random.NextDouble();
            double rho = 2 * random.NextDouble() - 1;
            double quadrature = AttentionMoments.TwoPoint(tokens, sigma2, rho);
            var mc = AttentionMonteCarlo.TwoPoint(tokens, sigma2, rho, 30_000, seed: (ulong)(100 + c));
            double z = (mc.Value - quadrature) / mc.StandardError;
            Assert.That(Math.Abs(z), Is.LessThan(5), $"T={tokens} sigma2={sigma2} rho={rho}: quadrature {quadrature}, mc {mc.Value} +- {mc.StandardError}");
        }
    }

    [Test]
    public void NonExchangeableVersionReducesToExchangeableAndMatchesMonteCarlo()
    {
        var law = new TokenLogitLaw(2.0, 0.4);
        Assert.That(AttentionMoments.TwoPoint([law, law, law], 1), Is.EqualTo(AttentionMoments.TwoPoint(3, 2.0, 0.4)).Within(1e-15));

        TokenLogitLaw[] laws = [new(3.0, 0.7), new(0.5, -0.2), new(0.5, -0.2), new(8.0, 0.95)];
        for (int token = 0; token < laws.Length; token++)
        {
            double quadrature = AttentionMoments.TwoPoint(laws, token);
            var covariances = laws.Select(l => new double[,] { { l.Variance, l.Variance * l.Correlation }, { l.Variance * l.Correlation, l.Variance } }).ToList();
            var mc = AttentionMonteCarlo.Estimate(new LogitSampler(covariances), [AttentionProduct.TwoPoint(token, 0, 1)], 80_000, 9)[0];
            Assert.That(Math.Abs((mc.Value - quadrature) / mc.StandardError), Is.LessThan(5), $"token {token}: {quadrature} vs {mc.Value} +- {mc.StandardError}");
        }
    }

    [Test]
    public void RejectsOutOfRangeInputNamingTheField()
    {
        Assert.That(Assert.Throws<InvalidInputException>(() => AttentionMoments.TwoPoint(0, 1, 0))!.Message, Does.StartWith("tokens"));
        Assert.That(Assert.Throws<InvalidInputException>(() => AttentionMoments.TwoPoint(4097, 1, 0))!.Message, Does.StartWith("tokens"));
        Assert.That(Assert.Throws<InvalidInputException>(() => AttentionMoments.TwoPoint(4, -0.1, 0))!.Message, Does.StartWith("sigma2"));
        Assert.That(Assert.Throws<InvalidInputException>(() => AttentionMoments.TwoPoint(4, 100.5, 0))!.Message, Does.StartWith("sigma2"));
        Assert.That(Assert.Throws<InvalidInputException>(() => AttentionMoments.TwoPoint(4, 1, 1.01))!.Message, Does.StartWith("rho"));
        Assert.That(Assert.Throws<InvalidInputException>(() => AttentionMoments.TwoPoint(4, double.NaN, 0))!.Message, Does.StartWith("sigma2"));
    }
}
