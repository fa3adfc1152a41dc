// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Numerics.Randomness;
using NnQft.Numerics.Sampling;
using NnQft.Numerics.Spectral;

namespace NnQft.Numerics.Tests;

/// <summary>E[h(x) . h(y)] = k(x - y) at every D (docs/theory.md section 1), for every family in d = 1, 2, 3.</summary>
public class RandomFeatureKernelTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        from family in KernelClosedForms.Families()
        from d in new[] { 1, 2, 3 }
        select new TestCaseData(family, d).SetName($"RfGramAveragesToKernel({family.Family},d={d})");

    [TestCaseSource(nameof(Cases))]
    public void RfGramAveragesToKernel(SpectralDensity family, int d)
    {
        // x = 0 and three separations: along an axis, along a diagonal (isotropy), and zero (k(0), not 1 for freeScalar).
        double[][] ys = [Axis(d, 0.45), Diagonal(d, 0.8), new double[d]];
        const int features = 4, draws = 40_000;
        var sampler = SpectralSamplers.For(family, d);
        var random = new NetworkRandom(2024, 0);
        var rows = new double[2 * features];
        var frequencies = new double[features * d];
        var amplitudes = new double[features];
        foreach (var y in ys)
        {
            var pts = new double[2 * d];
            y.CopyTo(pts, d);
            double sum = 0, sum2 = 0;
            for (int n = 0; n < draws; n++)
            {
                RandomFeatures.Fill(sampler, random, pts, 2, features, rows, frequencies, amplitudes);
                double dot = 0;
                for (int m = 0; m < features; m++) dot += rows[m] * rows[features + m];
                sum += dot;
                sum2 += dot * dot;
            }
            double mean = sum / draws;
            double se = Math.Sqrt((sum2 / draws - mean * mean) / (draws - 1));
            double r = Math.Sqrt(y.Sum(c => c * c));
            double expected = KernelClosedForms.Value(family, d, r);
            Assert.That(Math.Abs(mean - expected), Is.LessThan(5 * se + 1e-12), $"r = {r}: MC {mean} +- {se}, closed form {expected}");
        }
    }

    private static double[] Axis(int d, double r)
    {
        var v = new double[d];
        v[0] = r;
        return v;
    }

    private static double[] Diagonal(int d, double r) => Enumerable.Repeat(r / Math.Sqrt(d), d).ToArray();
}
