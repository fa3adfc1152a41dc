// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Sampling;

/// <summary>
/// Draws the field phi(x_1..x_P) of one random network. An instance owns scratch buffers and is used by one thread
/// at a time; the draw depends only on (seed, network index).
/// </summary>
public interface INetworkSampler
{
    /// <summary>Number of points P.</summary>
    int PointCount { get; }

    /// <summary>Writes phi(x_p) of network <paramref name="network"/> into <paramref name="phi"/> (length P).</summary>
    void Sample(long network, Span<double> phi);
}
