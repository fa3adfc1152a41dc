// SPDX-License-Identifier: MIT
using NnQft.Model;

namespace NnQft.Numerics.Sampling;

/// <summary>Builds the sampler of a method for an architecture and points (validated here, at the public entry).</summary>
/// <example><code>var s = NetworkSamplers.Create(Architecture.Default, PointSet.Default, SamplingMethod.Exact, seed: 1);
/// var phi = new double[8]; s.Sample(0, phi);</code></example>
public static class NetworkSamplers
{
    /// <summary>A new sampler (one per thread). Throws <see cref="InvalidInputException"/> on bad input.</summary>
    /// <example><code>INetworkSampler s = NetworkSamplers.Create(Architecture.Default with { Tokens = 2 }, PointSet.Default, SamplingMethod.Exact, seed: 7);</code></example>
    public static INetworkSampler Create(Architecture architecture, PointSet points, SamplingMethod method, ulong seed)
    {
        architecture.Validated();
        points.ValidatedFor(architecture);
        return method switch
        {
            SamplingMethod.BruteForce => new BruteForceSampler(architecture, points, seed),
            SamplingMethod.Exact => new ExactSampler(architecture, points, seed),
            _ => throw new InvalidInputException(nameof(method), "raoBlackwell draws no phi: run it through MonteCarloSampler with NnQft.Hybrid RaoBlackwellSampling.Options", method.Name()),
        };
    }
}
