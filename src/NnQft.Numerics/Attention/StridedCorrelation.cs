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

    /// <summary>Requires samples.Length &gt;= result.Length + (weights.Length - 1) * stride.</summary>
    public static void Apply(ReadOnlySpan<double> samples, ReadOnlySpan<double> weights, int stride, Span<double> result)
    {
        if (samples.Length < result.Length + (weights.Length - 1) * stride)
            throw new ArgumentException("The samples do not cover every tap of every output.", nameof(samples));
        int e = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double s = ref MemoryMarshal.GetReference(samples);
            ref double r = ref MemoryMarshal.GetReference(result);
            for (; e + Block <= result.Length; e += Block)
            {
                var a0 = Vector256<double>.Zero;
                var a1 = Vector256<double>.Zero;
                var a2 = Vector256<double>.Zero;
                var a3 = Vector256<double>.Zero;
                nuint at = (nuint)e;
                for (int t = 0; t < weights.Length; t++, at += (nuint)stride)
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
            double sum = 0;
            for (int t = 0; t < weights.Length; t++) sum += weights[t] * samples[e + t * stride];
            result[e] = sum;
        }
    }
}
