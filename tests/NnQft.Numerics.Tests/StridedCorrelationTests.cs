// SPDX-License-Identifier: MIT
using NnQft.Numerics.Attention;
using NnQft.Numerics.Randomness;

namespace NnQft.Numerics.Tests;

/// <summary>The register-blocked strided filter behind the blurred Gumbel tables equals the plain double sum.</summary>
public class StridedCorrelationTests
{
    [TestCase(1, 7, 3)]
    [TestCase(3, 61, 100)]
    [TestCase(12, 31, 2003)]
    public void MatchesThePlainSum(int stride, int taps, int outputs)
    {
        var random = new NetworkRandom(11, 0);
        var samples = new double[outputs + (taps - 1) * stride];
        for (int k = 0; k < samples.Length; k++) samples[k] = random.Uniform();
        var weights = Enumerable.Range(0, taps).Select(_ => random.Uniform()).ToArray();
        var result = new double[outputs];
        StridedCorrelation.Apply(samples, weights, stride, result);
        double worst = 0;
        for (int e = 0; e < outputs; e++)
        {
            double expected = 0;
            for (int t = 0; t < taps; t++) expected += weights[t] * samples[e + t * stride];
            worst = Math.Max(worst, Math.Abs(result[e] - expected) / expected);
        }
        Assert.That(worst, Is.LessThan(1e-14));
    }

    /// <summary>Taps that only read samples outside the declared nonzero range are skipped; the sums do not change.</summary>
    [TestCase(1, 9, 50, 20, 40)]
    [TestCase(3, 61, 300, 100, 250)]
    [TestCase(5, 40, 517, 0, 90)]
    public void SkippingTapsOutsideTheNonzeroRangeChangesNothing(int stride, int taps, int outputs, int from, int to)
    {
        var random = new NetworkRandom(12, 0);
        var samples = new double[outputs + (taps - 1) * stride];
        for (int k = from; k < to; k++) samples[k] = random.Uniform();
        var weights = Enumerable.Range(0, taps).Select(_ => random.Uniform()).ToArray();
        var all = new double[outputs];
        var skipping = new double[outputs];
        StridedCorrelation.Apply(samples, weights, stride, all);
        StridedCorrelation.Apply(samples, weights, stride, skipping, from, to);
        Assert.That(skipping, Is.EqualTo(all).Within(1e-14));
        Assert.That(all.Count(v => v != 0), Is.GreaterThan(0));
    }

    [Test]
    public void RefusesSamplesThatDoNotCoverEveryTap() =>
        Assert.Throws<ArgumentException>(() => StridedCorrelation.Apply(new double[10], new double[3], 5, new double[4]));
}
