// SPDX-License-Identifier: MIT
using System.Numerics;

namespace NnQft.Numerics.Attention;

/// <summary>
/// Sets values below <see cref="Threshold"/> in magnitude to zero. The quadrature multiplies tables of Gumbel kernels
/// (down to exp(-e^6.6) ~ 1e-320) by Gaussian weights (down to 1e-42); products in the subnormal range run two orders of
/// magnitude slower on x86 and carry no information at the accuracy the quadrature claims (absolute 1e-42 at most).
/// </summary>
internal static class TinyValues
{
    public const double Threshold = 1e-200;

    public static void Flush(Span<double> values)
    {
        var threshold = new Vector<double>(Threshold);
        int i = 0;
        for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            var v = new Vector<double>(values[i..]);
            Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(v), threshold), Vector<double>.Zero, v).CopyTo(values[i..]);
        }
        for (; i < values.Length; i++)
            if (Math.Abs(values[i]) < Threshold) values[i] = 0;
    }
}
