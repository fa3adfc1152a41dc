// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Numerics.Results;
using NnQft.Numerics.Sampling;

namespace NnQft.Numerics.Tests;

/// <summary>
/// docs/theory.md section 8 for every family in d = 1, 2, 3 (formulas written here, kernels from KernelClosedForms):
/// T = 1: G2 = s_a^2 s_V^2 k(r) + s_b^2, G4c = (2 s_a^4 s_V^4 / d_v) sum over pairings k k (at D = inf);
/// s_Q s_K = 0: A = 1/T, G2 = s_a^2 s_V^2 k / T and G4c = (2 s_a^4 / d_v) sum over pairings c c with c = s_V^2 k / T.
/// </summary>
public class KnownCasesTests
{
    private const double SigmaV = 0.9, SigmaA = 1.1;
    private const int ValueWidth = 3;

    private static IEnumerable<TestCaseData> Cases() =>
        from family in KernelClosedForms.Families()
        from d in new[] { 1, 2, 3 }
        select new TestCaseData(family, d).SetName($"{{m}}({family.Family},d={d})");

    private static PointSet PointsIn(int d) => d switch
    {
        1 => SampleRuns.Points([0.0], [0.35], [-0.8]),
        2 => SampleRuns.Points([0.0, 0.0], [0.3, 0.2], [-0.5, 0.6]),
        _ => SampleRuns.Points([0.0, 0.0, 0.0], [0.3, 0.2, -0.1], [-0.5, 0.1, 0.6]),
    };

    [TestCaseSource(nameof(Cases))]
    public void SingleTokenIsRandomFeatureNetwork(SpectralDensity family, int d)
    {
        var arch = Architecture.Default with
        {
            Dimension = d, Tokens = 1, Features = Width.Infinite, KeyWidth = Width.Of(4), ValueWidth = Width.Of(ValueWidth),
            SigmaV = SigmaV, SigmaA = SigmaA, Token = family, Query = new GaussianDensity(1.0),
        };
        var points = PointsIn(d);
        var result = SampleRuns.Run(arch, points, SamplingMethod.Exact, 20_000, seed: 5);
        AssertMatches(result, points, family, d, c: SigmaV * SigmaV);
    }

    [TestCaseSource(nameof(Cases))]
    public void ZeroLogitsGiveUniformAttention(SpectralDensity family, int d)
    {
        const int tokens = 3;
        var arch = Architecture.Default with
        {
            Dimension = d, Tokens = tokens, Features = Width.Infinite, KeyWidth = Width.Of(4), ValueWidth = Width.Of(ValueWidth),
            SigmaQ = 0, SigmaV = SigmaV, SigmaA = SigmaA, Token = family,
        };
        var points = PointsIn(d);
        var result = SampleRuns.Run(arch, points, SamplingMethod.Exact, 20_000, seed: 6);
        AssertMatches(result, points, family, d, c: SigmaV * SigmaV / tokens);
    }

    [Test]
    public void SingleTokenTwoPointIsExactAtFiniteFeatures()
    {
        // G2 = s_a^2 s_V^2 k + s_b^2 holds at every D; checked with D = 2 features, bias, and bruteforce.
        var family = new MaternDensity(3, 0.8);
        var arch = Architecture.Default with
        {
            Tokens = 1, Features = Width.Of(2), KeyWidth = Width.Of(2), ValueWidth = Width.Of(2), SigmaV = SigmaV, SigmaA = SigmaA,
            SigmaB = 0.5, Token = family,
        };
        var points = PointsIn(2);
        foreach (var method in new[] { SamplingMethod.Exact, SamplingMethod.BruteForce })
        {
            var result = SampleRuns.Run(arch, points, method, 20_000, seed: 7);
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                {
                    double expected = SigmaA * SigmaA * SigmaV * SigmaV * KernelClosedForms.Value(family, 2, points.Distance(i, j)) + 0.25;
                    double z = (result.G2.Value[i][j] - expected) / result.G2.Stderr[i][j];
                    Assert.That(Math.Abs(z), Is.LessThan(5), $"{method} G2({i},{j}) = {result.G2.Value[i][j]} +- {result.G2.Stderr[i][j]}, expected {expected}");
                }
        }
    }

    private static void AssertMatches(CorrelatorResult result, PointSet points, SpectralDensity family, int d, double c)
    {
        double K(int a, int b) => c * KernelClosedForms.Value(family, d, points.Distance(a, b));
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                double expected = SigmaA * SigmaA * K(i, j);
                double z = (result.G2.Value[i][j] - expected) / result.G2.Stderr[i][j];
                Assert.That(Math.Abs(z), Is.LessThan(5), $"G2({i},{j}) = {result.G2.Value[i][j]} +- {result.G2.Stderr[i][j]}, expected {expected}");
            }
        double a4 = Math.Pow(SigmaA, 4);
        foreach (var e in result.G4)
        {
            var (i, j, k, l) = (e.Index[0], e.Index[1], e.Index[2], e.Index[3]);
            double expected = 2 * a4 / ValueWidth * (K(i, j) * K(k, l) + K(i, k) * K(j, l) + K(i, l) * K(j, k));
            double z = (e.Connected - expected) / e.ConnectedStderr;
            Assert.That(Math.Abs(z), Is.LessThan(5), $"G4c({i},{j},{k},{l}) = {e.Connected} +- {e.ConnectedStderr}, expected {expected}");
        }
    }
}
