// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
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
        // 2 x 2 tiles: each loaded vector feeds two products, halving the memory traffic of separate dot products.
        int i = 0;
        for (; i + 1 < rowCount; i += 2)
        {
            var a0 = rows.Slice(i * length, length);
            var a1 = rows.Slice((i + 1) * length, length);
            for (int j = 0; j <= i; j += 2)
            {
                var b0 = rows.Slice(j * length, length);
                var b1 = rows.Slice((j + 1) * length, length);
                var (d00, d01, d10, d11) = Dot2x2(a0, a1, b0, b1);
                Set(gram, rowCount, i, j, d00);
                Set(gram, rowCount, i, j + 1, d01);
                Set(gram, rowCount, i + 1, j, d10);
                Set(gram, rowCount, i + 1, j + 1, d11);
            }
        }
        if (i < rowCount)
        {
            var last = rows.Slice(i * length, length);
            for (int j = 0; j <= i; j++) Set(gram, rowCount, i, j, TensorPrimitives.Dot(last, rows.Slice(j * length, length)));
        }
    }

    private static void Set(Span<double> gram, int n, int i, int j, double v)
    {
        gram[i * n + j] = v;
        gram[j * n + i] = v;
    }

    private static (double, double, double, double) Dot2x2(ReadOnlySpan<double> a0, ReadOnlySpan<double> a1, ReadOnlySpan<double> b0, ReadOnlySpan<double> b1)
    {
        int n = a0.Length, k = 0;
        var s00 = Vector256<double>.Zero;
        var s01 = Vector256<double>.Zero;
        var s10 = Vector256<double>.Zero;
        var s11 = Vector256<double>.Zero;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; k + 4 <= n; k += 4)
            {
                var x0 = Vector256.Create<double>(a0.Slice(k, 4));
                var x1 = Vector256.Create<double>(a1.Slice(k, 4));
                var y0 = Vector256.Create<double>(b0.Slice(k, 4));
                var y1 = Vector256.Create<double>(b1.Slice(k, 4));
                s00 = Vector256.FusedMultiplyAdd(x0, y0, s00);
                s01 = Vector256.FusedMultiplyAdd(x0, y1, s01);
                s10 = Vector256.FusedMultiplyAdd(x1, y0, s10);
                s11 = Vector256.FusedMultiplyAdd(x1, y1, s11);
            }
        }
        double d00 = Vector256.Sum(s00), d01 = Vector256.Sum(s01), d10 = Vector256.Sum(s10), d11 = Vector256.Sum(s11);
        for (; k < n; k++)
        {
            d00 += a0[k] * b0[k];
            d01 += a0[k] * b1[k];
            d10 += a1[k] * b0[k];
            d11 += a1[k] * b1[k];
        }
        return (d00, d01, d10, d11);
    }
}
