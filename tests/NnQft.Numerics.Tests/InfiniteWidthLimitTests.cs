// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Numerics.Sampling;

namespace NnQft.Numerics.Tests;

/// <summary>
/// The "inf" branches of the exact sampler (fixed kernel Grams, Q/d_k = s_Q^2 K0, |a|^2/d_v = s_a^2) are the limits
/// of the finite-width branches: at D = 256, d_k = d_v = 4096 the O(1/width) differences are far below the
/// statistical errors of 20,000 networks, so every G2 and G4 entry must agree within |z| &lt; 5.
/// </summary>
public class InfiniteWidthLimitTests
{
    [Test]
    public void InfiniteWidthsMatchVeryWideNetworks()
    {
        var points = SampleRuns.Points([0.0, 0.0], [0.4, 0.3], [-0.7, 0.5]);
        var limit = Architecture.Default with
        {
            Tokens = 3, Features = Width.Infinite, KeyWidth = Width.Infinite, ValueWidth = Width.Infinite, SigmaQ = 1.4, SigmaB = 0.3,
            TokenOverrides = new[] { new TokenOverride(2, new CauchyDensity(0.5)) }.ToEquatableList(),
        };
        var wide = limit with { Features = Width.Of(256), KeyWidth = Width.Of(4096), ValueWidth = Width.Of(4096) };
        var a = SampleRuns.Run(limit, points, SamplingMethod.Exact, 20_000, seed: 21);
        var b = SampleRuns.Run(wide, points, SamplingMethod.Exact, 20_000, seed: 22);
        var (z, where) = SampleRuns.MaxZ(a, b);
        Assert.That(z, Is.LessThan(5.0), where);
    }
}
