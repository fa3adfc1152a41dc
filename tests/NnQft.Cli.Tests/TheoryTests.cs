// SPDX-License-Identifier: MIT
using NnQft.Hybrid.Theory;
using NnQft.Model;
using NnQft.Numerics.Attention;
using NnQft.Numerics.MonteCarlo;
using NnQft.Numerics.Results;
using NnQft.Numerics.Sampling;

namespace NnQft.Cli.Tests;

/// <summary>
/// The theory evaluator against formulas written out here, independently of the engine (docs/theory.md sections 3, 4, 8),
/// and against Monte Carlo of the same ensemble within a stated number of standard errors.
/// </summary>
public class TheoryTests
{
    private const double ZBound = 5.0;

    private static readonly Architecture Limit = Architecture.Default with { Features = Width.Infinite, KeyWidth = Width.Infinite };

    private static readonly PointSet Three = PointSet.Of([[0.0, 0.0], [0.5, 0.0], [0.3, 0.8]]);

    [Test]
    public void TwoPointMatchesAttentionWeightRepresentation()
    {
        // G2 = s_b^2 + s_a^2 s_V^2 T k(r) F_T(s_Q^2 s_K^2, k0(r) k(r)), Gaussian query (l = 1) and tokens (l = 0.7).
        var arch = Limit with { SigmaA = 1.3, SigmaV = 0.8, SigmaB = 0.4, SigmaQ = 1.5 };
        var g2 = TheoryEvaluator.TwoPoint(arch, Three);
        for (int a = 0; a < Three.Count; a++)
            for (int b = 0; b < Three.Count; b++)
            {
                double r = Three.Distance(a, b);
                double k = Math.Exp(-r * r / (2 * 0.7 * 0.7)), k0 = Math.Exp(-r * r / 2);
                double expected = 0.4 * 0.4 + 1.3 * 1.3 * 0.8 * 0.8 * 4 * k * AttentionMoments.TwoPoint(4, 1.5 * 1.5, k0 * k);
                // Both sides evaluate the same terms; they differ only in rounding (the compiled kernels round their
                // product differently from this loop), so 1e-12 relative, far below the quadrature's own 1e-9.
                Assert.That(g2[a][b], Is.EqualTo(expected).Within(1e-10).Percent, $"G2({a},{b})");
            }
    }

    [Test]
    public void SingleTokenReproducesRandomFeatureNetwork()
    {
        // T = 1: A = 1, G2 = s_a^2 s_V^2 k, G4c = (2 s_a^4 s_V^4 / d_v) (k12 k34 + k13 k24 + k14 k23), exactly (no sampling error).
        var arch = Limit with { Tokens = 1, ValueWidth = Width.Of(16), SigmaA = 0.9, SigmaV = 1.1 };
        var result = TheoryEvaluator.Evaluate(arch, Three, new TheoryOptions(1000));
        double K(int a, int b) => Math.Exp(-Math.Pow(Three.Distance(a, b), 2) / (2 * 0.7 * 0.7));
        double s2 = 0.9 * 0.9 * 1.1 * 1.1;
        foreach (var g in result.G4)
        {
            var (i, j, k, l) = (g.Index[0], g.Index[1], g.Index[2], g.Index[3]);
            double expected = 2 * s2 * s2 / 16 * (K(i, j) * K(k, l) + K(i, k) * K(j, l) + K(i, l) * K(j, k));
            Assert.That(g.Connected, Is.EqualTo(expected).Within(1e-10), $"G4c{string.Join(",", g.Index)}");
            Assert.That(g.ConnectedStderr, Is.EqualTo(0).Within(1e-14));
            Assert.That(g.IndependenceBreaking!.Value, Is.EqualTo(0).Within(1e-12));
        }
        Assert.That(result.G2.Value[0][1], Is.EqualTo(s2 * K(0, 1)).Within(1e-12));
    }

    [Test]
    public void UniformAttentionHasNoIndependenceBreaking()
    {
        // s_Q s_K = 0: A = 1/T, G2 = s_a^2 s_V^2 k / T.
        var arch = Limit with { SigmaQ = 0 };
        var result = TheoryEvaluator.Evaluate(arch, Three, new TheoryOptions(1000));
        double k01 = Math.Exp(-0.25 / (2 * 0.49));
        Assert.That(result.G2.Value[0][1], Is.EqualTo(k01 / 4).Within(1e-12));
        Assert.That(result.G4.Max(g => Math.Abs(g.IndependenceBreaking!.Value)), Is.LessThan(1e-12));
    }

    [Test]
    public void MultiHeadConnectedPartScalesAsInverseHeads()
    {
        var one = TheoryEvaluator.Evaluate(Limit, Three, new TheoryOptions(20_000, 3));
        var four = TheoryEvaluator.Evaluate(Limit with { Heads = 4 }, Three, new TheoryOptions(20_000, 3));
        for (int q = 0; q < one.G4.Count; q++)
            Assert.That(four.G4[q].Connected * 4, Is.EqualTo(one.G4[q].Connected).Within(1e-9 + 1e-9 * Math.Abs(one.G4[q].Connected)));
    }

    private static IEnumerable<TestCaseData> Ensembles()
    {
        yield return new TestCaseData(Limit, "gaussian tokens, d = 2").SetName("TheoryAgreesWithExactMonteCarlo(gaussian d2)");
        var matern3 = Limit with
        {
            Dimension = 3, Tokens = 3, ValueWidth = Width.Of(8), SigmaB = 0.5,
            Token = new MaternDensity(3, 0.8),
            TokenOverrides = EquatableList.Create(new TokenOverride(1, new GaussianDensity(0.5))),
        };
        yield return new TestCaseData(matern3, "matern tokens with an override and a bias, d = 3").SetName("TheoryAgreesWithExactMonteCarlo(matern override bias d3)");
        yield return new TestCaseData(Limit with { Heads = 2, ValueWidth = Width.Infinite, SigmaQ = 2 }, "two heads, d_v = inf")
            .SetName("TheoryAgreesWithExactMonteCarlo(two heads dv inf)");
    }

    [TestCaseSource(nameof(Ensembles))]
    public void TheoryAgreesWithExactMonteCarlo(Architecture arch, string description)
    {
        var points = arch.Dimension == 2 ? Three : PointSet.Of([[0.0, 0.0, 0.0], [0.4, 0.1, 0.0], [0.2, 0.5, -0.3]]);
        var theory = TheoryEvaluator.Evaluate(arch, points, new TheoryOptions(100_000, 11));
        var mc = MonteCarloSampler.Sample(new SampleOptions(arch, points) { Networks = 60_000, Seed = 5, Method = SamplingMethod.Exact, Threads = 2 }).Result;
        for (int a = 0; a < points.Count; a++)
            for (int b = a; b < points.Count; b++)
                AssertZ($"{description}: G2({a},{b})", theory.G2.Value[a][b], 0, mc.G2.Value[a][b], mc.G2.Stderr[a][b]);
        for (int q = 0; q < theory.G4.Count; q++)
            AssertZ($"{description}: G4c({string.Join(",", theory.G4[q].Index)})", theory.G4[q].Connected, theory.G4[q].ConnectedStderr, mc.G4[q].Connected, mc.G4[q].ConnectedStderr);
    }

    [Test]
    public void FiniteWidthArchitectureIsEvaluatedInTheLimitAndSaysSo()
    {
        var result = TheoryEvaluator.Evaluate(Architecture.Default, Three, new TheoryOptions(1000));
        Assert.That(result.Method, Does.Contain("D = d_k = inf"));
        var limit = TheoryEvaluator.Evaluate(Limit, Three, new TheoryOptions(1000));
        Assert.That(result.G2.Value[0][1], Is.EqualTo(limit.G2.Value[0][1]));
    }

    private static void AssertZ(string what, double theory, double theoryStderr, double mc, double mcStderr)
    {
        double se = Math.Sqrt(theoryStderr * theoryStderr + mcStderr * mcStderr);
        Assert.That(se, Is.GreaterThan(0), what);
        double z = (theory - mc) / se;
        Assert.That(Math.Abs(z), Is.LessThan(ZBound), $"{what}: theory {theory} vs Monte Carlo {mc} +- {se} (z = {z:F2})");
    }
}
