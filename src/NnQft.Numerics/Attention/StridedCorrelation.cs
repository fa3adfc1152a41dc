// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NnQft.Numerics.Attention;

/// <summary>
/// result[e] = sum_t weights[t] samples[e + t * stride]: a short filter run along a long, finely sampled signal (the
/// Gaussian blur of the Gumbel kernels in <see cref="BlurredGumbel"/>). Sixteen outputs are accumulated in registers
/// over all taps, so each sample loaded feeds one multiply-add and no partial sum goes through memory.
/// </summary>
internal static class StridedCorrelation
{
    private const int Block = 16;

    /// <summary>
    /// Requires samples.Length &gt;= result.Length + (weights.Length - 1) * stride. Samples outside
    /// [<paramref name="nonzeroFrom"/>, <paramref name="nonzeroTo"/>) must be zero; taps reading only those are skipped.
    /// </summary>
    public static void Apply(ReadOnlySpan<double> samples, ReadOnlySpan<double> weights, int stride, Span<double> result,
        int nonzeroFrom = 0, int nonzeroTo = int.MaxValue)
    {
        if (samples.Length < result.Length + (weights.Length - 1) * stride)
            throw new ArgumentException("The samples do not cover every tap of every output.", nameof(samples));
        nonzeroTo = Math.Min(nonzeroTo, samples.Length);
        int e = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double s = ref MemoryMarshal.GetReference(samples);
            ref double r = ref MemoryMarshal.GetReference(result);
            for (; e + Block <= result.Length; e += Block)
            {
                var (tFirst, tEnd) = Taps(e, e + Block - 1, weights.Length, stride, nonzeroFrom, nonzeroTo);
                var a0 = Vector256<double>.Zero;
                var a1 = Vector256<double>.Zero;
                var a2 = Vector256<double>.Zero;
                var a3 = Vector256<double>.Zero;
                nuint at = (nuint)(e + tFirst * stride);
                for (int t = tFirst; t < tEnd; t++, at += (nuint)stride)
                {
                    var w = Vector256.Create(weights[t]);
                    a0 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref s, at), a0);
                    a1 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref s, at + 4), a1);
                    a2 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref s, at + 8), a2);
                    a3 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref s, at + 12), a3);
                }
                a0.StoreUnsafe(ref r, (nuint)e);
                a1.StoreUnsafe(ref r, (nuint)e + 4);
                a2.StoreUnsafe(ref r, (nuint)e + 8);
                a3.StoreUnsafe(ref r, (nuint)e + 12);
            }
        }
        for (; e < result.Length; e++)
        {
            var (tFirst, tEnd) = Taps(e, e, weights.Length, stride, nonzeroFrom, nonzeroTo);
            double sum = 0;
            for (int t = tFirst; t < tEnd; t++) sum += weights[t] * samples[e + t * stride];
            result[e] = sum;
        }
    }

    /// <summary>The taps [first, end) that read a possibly nonzero sample for some output in [eLow, eHigh].</summary>
    private static (int First, int End) Taps(int eLow, int eHigh, int taps, int stride, int nonzeroFrom, int nonzeroTo)
    {
        // e + t stride >= nonzeroFrom for some e <= eHigh, and e + t stride < nonzeroTo for some e >= eLow.
        int first = nonzeroFrom <= eHigh ? 0 : (nonzeroFrom - eHigh + stride - 1) / stride;
        int end = nonzeroTo <= eLow ? 0 : (nonzeroTo - eLow + stride - 1) / stride;
        first = Math.Min(first, taps);
        return (first, Math.Max(first, Math.Min(end, taps)));
    }
}
