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

    /// <summary>
    /// Draws <paramref name="count"/> frequencies at once, coordinate-major (<paramref name="columns"/>[c count + m] is
    /// coordinate c of frequency m), with their amplitudes; the batch form lets the samplers vectorise.
    /// </summary>
    void SampleColumns(NetworkRandom random, int count, Span<double> columns, Span<double> amplitudes)
    {
        Span<double> w = stackalloc double[Dimension];
        for (int m = 0; m < count; m++)
        {
            amplitudes[m] = Sample(random, w);
            for (int c = 0; c < w.Length; c++) columns[c * count + m] = w[c];
        }
    }

    /// <summary>The amplitude g(w) of a frequency.</summary>
    double Amplitude(ReadOnlySpan<double> w);
}
