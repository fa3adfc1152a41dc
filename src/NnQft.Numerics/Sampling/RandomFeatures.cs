// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;
using NnQft.Numerics.Randomness;
using NnQft.Numerics.Spectral;

namespace NnQft.Numerics.Sampling;

/// <summary>
/// One random-feature map evaluated at the points: h_m(x_p) = sqrt(2/D) g(w_m) cos(w_m . x_p + b_m), written as a
/// row-major P x D block (row p = the feature vector of point p), so Grams are dot products of contiguous rows.
/// </summary>
internal static class RandomFeatures
{
    /// <summary>
    /// Draws D frequencies and then D phases from <paramref name="random"/> and writes the features of the
    /// <paramref name="pointCount"/> points (row-major, dimension d) into <paramref name="rows"/>.
    /// <paramref name="frequencies"/> (length D d, coordinate-major) and <paramref name="amplitudes"/> (length D) are scratch.
    /// </summary>
    public static void Fill(
        ISpectralSampler sampler, NetworkRandom random, ReadOnlySpan<double> points, int pointCount, int features,
        Span<double> rows, Span<double> frequencies, Span<double> amplitudes)
    {
        int d = sampler.Dimension;
        sampler.SampleColumns(random, features, frequencies, amplitudes);
        var scaled = amplitudes[..features];
        TensorPrimitives.Multiply(scaled, Math.Sqrt(2.0 / features), scaled);
        var phases = rows[..features];
        for (int m = 0; m < features; m++) phases[m] = 2.0 * Math.PI * random.Uniform();
        // Row p = phases + sum_c x_pc w_c, built from the last point back so the phases in row 0 are read before overwritten.
        for (int p = pointCount - 1; p >= 0; p--)
        {
            var row = rows.Slice(p * features, features);
            if (p != 0) phases.CopyTo(row);
            for (int c = 0; c < d; c++)
                TensorPrimitives.MultiplyAdd(frequencies.Slice(c * features, features), points[p * d + c], row, row);
            FastCosine.InPlace(row);
            TensorPrimitives.Multiply(row, scaled, row);
        }
    }

    /// <summary>Row-major Gram of <paramref name="rowCount"/> rows of length <paramref name="length"/>: gram[i,j] = row_i . row_j.</summary>
    public static void Gram(ReadOnlySpan<double> rows, int rowCount, int length, Span<double> gram)
    {
        for (int i = 0; i < rowCount; i++)
        {
            var ri = rows.Slice(i * length, length);
            for (int j = 0; j <= i; j++)
            {
                double v = TensorPrimitives.Dot(ri, rows.Slice(j * length, length));
                gram[i * rowCount + j] = v;
                gram[j * rowCount + i] = v;
            }
        }
    }
}
