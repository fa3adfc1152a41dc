// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Numerics.Estimation;
using NnQft.Numerics.MonteCarlo;
using NnQft.Numerics.Results;
using NnQft.Numerics.Sampling;

namespace NnQft.Numerics.Tests;

/// <summary>
/// The exact sampler's direct path (no TP x TP Gram) against its Gram path: the same law for every architecture the
/// Gram path supports at finite D, compared through every G2 entry and G4 tuple (full and connected), |z| &lt; 5 with
/// independent seeds; and the comparison has the power to see a different law. Against brute force the direct path
/// is tested by ExactAgreesWithBruteForceTests, whose small widths take it (asserted here).
/// </summary>
public class ExactDirectPathTests
{
    // The small widths of the brute-force agreement tests, where Gram fluctuations, the Wishart and chi-squared matter.
    private static readonly PointSet Points3 = ExactAgreesWithBruteForceTests.Points3;

    private static readonly Architecture Small = ExactAgreesWithBruteForceTests.Small;

    private static IEnumerable<TestCaseData> Architectures()
    {
        yield return new TestCaseData(Small).SetName("DirectSmallWidths");
        yield return new TestCaseData(Small with { SigmaB = 0.7, Heads = 2 }).SetName("DirectBiasAndTwoHeads");
        yield return new TestCaseData(Small with
        {
            TokenOverrides = new[] { new TokenOverride(1, new MaternDensity(3, 0.5)) }.ToEquatableList(),
        }).SetName("DirectTokenOverride");
        yield return new TestCaseData(Small with { Query = ConstantEmbedding.Instance, SigmaQ = 2 }).SetName("DirectConstantQuery");
        yield return new TestCaseData(Small with { KeyWidth = Width.Infinite }).SetName("DirectInfiniteKeyWidth");
        yield return new TestCaseData(Small with { ValueWidth = Width.Infinite, KeyWidth = Width.Of(7) }).SetName("DirectInfiniteValueWidthKeyWidthAboveRank");
        yield return new TestCaseData(Small with { Features = Width.Of(12), Token = new FreeScalarDensity(3, 1) }).SetName("DirectFreeScalarAmplitudes");
        // More points than features: the query features are the thin factor of K0 (with d_k below and above D).
        yield return new TestCaseData(Small with { Features = Width.Of(2), KeyWidth = Width.Of(1) }).SetName("DirectMorePointsThanFeaturesNarrowKeys");
        yield return new TestCaseData(Small with { Features = Width.Of(2), KeyWidth = Width.Infinite }).SetName("DirectMorePointsThanFeaturesInfiniteKeys");
    }

    /// <summary>Runs the exact sampler on one forced path, single-threaded, through the run's exact accumulators.</summary>
    private static CorrelatorResult RunPath(Architecture a, PointSet points, bool direct, long nets, ulong seed)
    {
        var sampler = new ExactSampler(a.Validated(), points, seed, forceDirect: direct);
        Assert.That(sampler.Direct, Is.EqualTo(direct));
        var state = new MomentState(points.Count);
        var phi = new double[points.Count];
        var scratch = new double[state.Layout.BlockScratchLength(1)];
        var sums = new double[state.Layout.Length];
        for (long block = 0; block * MonteCarloSampler.BlockSize < nets; block++)
        {
            Array.Clear(sums);
            long first = block * MonteCarloSampler.BlockSize, count = Math.Min(MonteCarloSampler.BlockSize, nets - first);
            for (long n = first; n < first + count; n++)
            {
                sampler.Sample(n, phi);
                state.Layout.Accumulate(phi, sums, scratch);
            }
            state.AddBlock(block, sums, count);
        }
        return CorrelatorEstimator.Estimate(state, "exact", points);
    }

    [TestCaseSource(nameof(Architectures))]
    public void DirectPathMatchesGramPathInDistribution(Architecture architecture)
    {
        const long nets = 40_000;
        var gram = RunPath(architecture, Points3, direct: false, nets, seed: 31);
        var direct = RunPath(architecture, Points3, direct: true, nets, seed: 32);
        var (z, where) = SampleRuns.MaxZ(gram, direct);
        Assert.That(z, Is.LessThan(5.0), where);
    }

    [Test]
    public void DifferentLawsAreDetected()
    {
        // The comparison has power: d_v = 3 versus d_v = 30 (G4c changes by its 2/d_v term), and D = 3 versus D = 12.
        var gram = RunPath(Small, Points3, direct: false, 40_000, seed: 31);
        var wider = RunPath(Small with { ValueWidth = Width.Of(30) }, Points3, direct: true, 40_000, seed: 32);
        Assert.That(SampleRuns.MaxZ(gram, wider).MaxZ, Is.GreaterThan(5.0), "d_v");
        var moreFeatures = RunPath(Small with { Features = Width.Of(12) }, Points3, direct: true, 40_000, seed: 32);
        Assert.That(SampleRuns.MaxZ(gram, moreFeatures).MaxZ, Is.GreaterThan(5.0), "D");
    }

    [Test]
    public void TheRuleTakesTheDirectPathAtFiniteWidthsAndTheGramPathAtInfiniteFeatures()
    {
        Assert.That(ExactSampler.PrefersDirect(Architecture.Default, 8), Is.True);
        Assert.That(ExactSampler.PrefersDirect(Architecture.Default, 1024), Is.True);
        Assert.That(ExactSampler.PrefersDirect(Small, Points3.Count), Is.True, "the brute-force agreement tests must exercise the direct path");
        Assert.That(ExactSampler.PrefersDirect(Architecture.Default with { Features = Width.Infinite }, 8), Is.False);
        Assert.Throws<ArgumentException>(() => _ = new ExactSampler(Architecture.Default with { Features = Width.Infinite }, PointSet.Default, 1, forceDirect: true));
    }
}
