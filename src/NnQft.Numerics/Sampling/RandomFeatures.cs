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
    /// Draws D frequencies and phases from <paramref name="random"/> (in feature order: w_m then b_m) and writes the
    /// features of the <paramref name="pointCount"/> points (row-major, dimension d) into <paramref name="rows"/>.
    /// <paramref name="frequencies"/> (length D d) and <paramref name="amplitudes"/> (length D) are scratch.
    /// </summary>
    public static void Fill(
        ISpectralSampler sampler, NetworkRandom random, ReadOnlySpan<double> points, int pointCount, int features,
        Span<double> rows, Span<double> frequencies, Span<double> amplitudes)
    {
        int d = sampler.Dimension;
        Span<double> phaseBuffer = features <= 512 ? stackalloc double[features] : new double[features];
        double norm = Math.Sqrt(2.0 / features);
        for (int m = 0; m < features; m++)
        {
            amplitudes[m] = norm * sampler.Sample(random, frequencies.Slice(m * d, d));
            phaseBuffer[m] = 2.0 * Math.PI * random.Uniform();
        }
        for (int p = 0; p < pointCount; p++)
        {
            var row = rows.Slice(p * features, features);
            var x = points.Slice(p * d, d);
            phaseBuffer.CopyTo(row);
            for (int m = 0; m < features; m++)
            {
                var w = frequencies.Slice(m * d, d);
                double s = 0;
                for (int c = 0; c < d; c++) s += w[c] * x[c];
                row[m] += s;
            }
            TensorPrimitives.Cos(row, row);
            TensorPrimitives.Multiply(row, amplitudes[..features], row);
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
