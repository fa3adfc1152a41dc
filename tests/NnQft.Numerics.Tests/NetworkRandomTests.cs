// SPDX-License-Identifier: MIT
using MathNet.Numerics.Distributions;
using NnQft.Numerics.Randomness;

namespace NnQft.Numerics.Tests;

/// <summary>The generators behind every sampler: normal (ziggurat incl. tail), chi-squared, and stream independence.</summary>
public class NetworkRandomTests
{
    [Test]
    public void NormalHasGaussianMomentsAndTails()
    {
        const int n = 2_000_000;
        var random = new NetworkRandom(7, 3);
        double m1 = 0, m2 = 0, m4 = 0;
        long beyond2 = 0, beyond35 = 0;
        for (int i = 0; i < n; i++)
        {
            double z = random.Normal();
            m1 += z;
            m2 += z * z;
            m4 += z * z * z * z;
            if (Math.Abs(z) > 2) beyond2++;
            if (Math.Abs(z) > 3.5) beyond35++; // beyond the ziggurat's base R = 3.44: the tail algorithm
        }
        Assert.That(Math.Abs(m1 / n), Is.LessThan(5 / Math.Sqrt(n)));
        Assert.That(Math.Abs(m2 / n - 1), Is.LessThan(5 * Math.Sqrt(2.0 / n)));
        Assert.That(Math.Abs(m4 / n - 3), Is.LessThan(5 * Math.Sqrt(96.0 / n)));
        AssertCount(beyond2, n, 2 * Normal.CDF(0, 1, -2));
        AssertCount(beyond35, n, 2 * Normal.CDF(0, 1, -3.5));
    }

    [Test]
    public void ChiSquaredHasItsMeanAndVariance()
    {
        var random = new NetworkRandom(8, 0);
        foreach (double k in new[] { 0.5, 1, 3, 256 })
        {
            const int n = 200_000;
            double s = 0, s2 = 0;
            for (int i = 0; i < n; i++)
            {
                double x = random.ChiSquared(k);
                s += x;
                s2 += x * x;
            }
            double mean = s / n, variance = s2 / n - mean * mean;
            Assert.That(Math.Abs(mean - k), Is.LessThan(5 * Math.Sqrt(2 * k / n)), $"k = {k}");
            Assert.That(variance / (2 * k), Is.InRange(0.95, 1.05), $"k = {k}");
        }
    }

    [Test]
    public void StreamsDependOnlyOnSeedAndIndex()
    {
        var a = new NetworkRandom(1, 5);
        var b = new NetworkRandom(9, 0);
        b.Normal();
        b.Reset(1, 5);
        for (int i = 0; i < 100; i++) Assert.That(a.NextUInt64(), Is.EqualTo(b.NextUInt64()));
        Assert.That(new NetworkRandom(1, 6).NextUInt64(), Is.Not.EqualTo(new NetworkRandom(1, 5).NextUInt64()));
    }

    private static void AssertCount(long count, int n, double p)
    {
        double expected = n * p;
        Assert.That(Math.Abs(count - expected), Is.LessThan(5 * Math.Sqrt(expected * (1 - p))), $"count {count}, expected {expected}");
    }

    [Test]
    public void FillNormalDrawsExactlyTheStreamOfRepeatedNormal()
    {
        // FillNormal keeps the generator in locals; it must still be the same stream, slow paths (tails, wedges) included.
        var bulk = new NetworkRandom(9, 3);
        var single = new NetworkRandom(9, 3);
        var filled = new double[100_000];
        bulk.FillNormal(filled.AsSpan(0, 60_000));
        double between = bulk.Uniform();
        bulk.FillNormal(filled.AsSpan(60_000));
        for (int i = 0; i < filled.Length; i++)
        {
            if (i == 60_000) Assert.That(single.Uniform(), Is.EqualTo(between));
            Assert.That(BitConverter.DoubleToInt64Bits(filled[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(single.Normal())), $"draw {i}");
        }
        Assert.That(filled.Count(z => Math.Abs(z) > 3.442619855899), Is.GreaterThan(10), "the tail path must be exercised");
    }
}
