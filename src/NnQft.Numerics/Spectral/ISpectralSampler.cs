// SPDX-License-Identifier: MIT
using NnQft.Numerics.Randomness;

namespace NnQft.Numerics.Spectral;

/// <summary>
/// Draws random-feature frequencies w ~ p on R^d and gives their amplitude g(w) (docs/theory.md sections 1 and 7), so
/// that E_w[g(w)^2 cos(w . r)] is the family's kernel k(r).
/// </summary>
/// <example><code>var s = SpectralSamplers.For(new GaussianDensity(0.7), dimension: 2); var w = new double[2]; double g = s.Sample(new NetworkRandom(seed: 1, network: 0), w);</code></example>
public interface ISpectralSampler
{
    /// <summary>The dimension d of w.</summary>
    /// <example><code>int d = SpectralSamplers.For(new GaussianDensity(0.7), dimension: 3).Dimension; // 3</code></example>
    int Dimension { get; }

    /// <summary>True when g(w) = 1 for every w (all families but freeScalar).</summary>
    /// <example><code>bool unit = SpectralSamplers.For(new FreeScalarDensity(20, 1), 2).UnitAmplitude; // false</code></example>
    bool UnitAmplitude { get; }

    /// <summary>Writes one frequency into <paramref name="w"/> (length d) and returns its amplitude g(w).</summary>
    /// <example><code>var s = SpectralSamplers.For(new CauchyDensity(1.0), 2); var w = new double[2]; double g = s.Sample(new NetworkRandom(1, 0), w); // 1</code></example>
    double Sample(NetworkRandom random, Span<double> w);

    /// <summary>
    /// Draws <paramref name="count"/> frequencies at once, coordinate-major (<paramref name="columns"/>[c count + m] is
    /// coordinate c of frequency m), with their amplitudes; the batch form lets the samplers vectorise.
    /// </summary>
    /// <example><code>
    /// var s = SpectralSamplers.For(new GaussianDensity(0.7), 2); var cols = new double[2 * 64]; var amp = new double[64];
    /// s.SampleColumns(new NetworkRandom(1, 0), 64, cols, amp);
    /// </code></example>
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
    /// <example><code>double g = SpectralSamplers.For(new FreeScalarDensity(20, 1), 2).Amplitude([1.0, 0.0]);</code></example>
    double Amplitude(ReadOnlySpan<double> w);
}
