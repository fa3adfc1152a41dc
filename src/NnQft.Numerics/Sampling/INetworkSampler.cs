// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Sampling;

/// <summary>
/// Draws the field phi(x_1..x_P) of one random network. An instance owns scratch buffers and is used by one thread
/// at a time; the draw depends only on (seed, network index).
/// </summary>
/// <example><code>
/// INetworkSampler s = NetworkSamplers.Create(Architecture.Default, PointSet.Default, SamplingMethod.Exact, seed: 1);
/// var phi = new double[s.PointCount]; s.Sample(network: 0, phi);
/// </code></example>
public interface INetworkSampler
{
    /// <summary>Number of points P.</summary>
    /// <example><code>int p = NetworkSamplers.Create(Architecture.Default, PointSet.Default, SamplingMethod.Exact, 1).PointCount; // 8</code></example>
    int PointCount { get; }

    /// <summary>Writes phi(x_p) of network <paramref name="network"/> into <paramref name="phi"/> (length P).</summary>
    /// <example><code>var s = NetworkSamplers.Create(Architecture.Default, PointSet.Default, SamplingMethod.BruteForce, 1); var phi = new double[s.PointCount]; s.Sample(5, phi); // network 5</code></example>
    void Sample(long network, Span<double> phi);
}
