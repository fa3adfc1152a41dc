// SPDX-License-Identifier: MIT
using NnQft.Numerics.Randomness;

namespace NnQft.Numerics.Spectral;

/// <summary>
/// Draws random-feature frequencies w ~ p on R^d and gives their amplitude g(w) (THEORY.md sections 1 and 7), so
/// that E_w[g(w)^2 cos(w . r)] is the family's kernel k(r).
/// </summary>
/// <example><code>var s = SpectralSamplers.For(new GaussianDensity(0.7), dimension: 2); double g = s.Sample(rng, w);</code></example>
public interface ISpectralSampler
{
    /// <summary>The dimension d of w.</summary>
    int Dimension { get; }

    /// <summary>True when g(w) = 1 for every w (all families but freeScalar).</summary>
    bool UnitAmplitude { get; }

    /// <summary>Writes one frequency into <paramref name="w"/> (length d) and returns its amplitude g(w).</summary>
    double Sample(NetworkRandom random, Span<double> w);

    /// <summary>The amplitude g(w) of a frequency.</summary>
    double Amplitude(ReadOnlySpan<double> w);
}
