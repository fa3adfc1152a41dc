// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Numerics.Sampling;

namespace NnQft.Numerics.Tests;

/// <summary>
/// The key check of the exact sampler's derivation: at small widths (where Gram fluctuations, the Wishart query
/// Gram and the chi-squared readout all matter) it must have the same law as the literal network. Compared through
/// every G2 entry and every G4 tuple (full and connected), |z| &lt; 5 with independent seeds.
/// </summary>
public class ExactAgreesWithBruteForceTests
{
    internal static readonly PointSet Points3 = SampleRuns.Points([0.0, 0.0], [0.6, 0.1], [-0.3, 0.9]);

    internal static readonly Architecture Small = Architecture.Default with
    {
        Tokens = 3,
        Features = Width.Of(3),
        KeyWidth = Width.Of(2),
        ValueWidth = Width.Of(3),
        SigmaQ = 1.5,
        SigmaK = 1.2,
        Query = new GaussianDensity(0.8),
        Token = new GaussianDensity(0.6),
    };

    private static IEnumerable<TestCaseData> Architectures()
    {
        yield return new TestCaseData(Small).SetName("SmallWidths");
        yield return new TestCaseData(Small with { SigmaB = 0.7 }).SetName("WithBias");
        yield return new TestCaseData(Small with { Heads = 2 }).SetName("TwoHeads");
        yield return new TestCaseData(Small with
        {
            TokenOverrides = new[] { new TokenOverride(1, new MaternDensity(3, 0.5)) }.ToEquatableList(),
        }).SetName("TokenOverride");
        yield return new TestCaseData(Small with { Query = ConstantEmbedding.Instance, SigmaQ = 2 }).SetName("ConstantQuery");
        yield return new TestCaseData(Small with { KeyWidth = Width.Of(5), Features = Width.Of(7), Token = new FreeScalarDensity(3, 1) })
            .SetName("KeyWidthAboveRankFreeScalar");
        yield return new TestCaseData(Small with { Features = Width.Of(2) }).SetName("MorePointsThanFeatures");
    }

    [TestCaseSource(nameof(Architectures))]
    public void ExactMatchesBruteForceInDistribution(Architecture architecture)
    {
        const long nets = 40_000;
        var brute = SampleRuns.Run(architecture, Points3, SamplingMethod.BruteForce, nets, seed: 11);
        var exact = SampleRuns.Run(architecture, Points3, SamplingMethod.Exact, nets, seed: 12);
        var (z, where) = SampleRuns.MaxZ(brute, exact);
        Assert.That(z, Is.LessThan(5.0), where);
    }

    [Test]
    public void DifferentLawsAreDetected()
    {
        // The comparison has power: the finite-width law at d_v = 3 versus d_v = 30 (G4c changes by its 2/d_v term),
        // or dropping the Gram fluctuations (D = 3 versus D = inf), must show up.
        var brute = SampleRuns.Run(Small, Points3, SamplingMethod.BruteForce, 40_000, seed: 11);
        var wider = SampleRuns.Run(Small with { ValueWidth = Width.Of(30) }, Points3, SamplingMethod.Exact, 40_000, seed: 12);
        Assert.That(SampleRuns.MaxZ(brute, wider).MaxZ, Is.GreaterThan(5.0), "d_v");
        var limit = SampleRuns.Run(Small with { Features = Width.Infinite }, Points3, SamplingMethod.Exact, 40_000, seed: 12);
        Assert.That(SampleRuns.MaxZ(brute, limit).MaxZ, Is.GreaterThan(5.0), "D");
    }
}
