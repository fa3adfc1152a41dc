// SPDX-License-Identifier: MIT
using System.Runtime.Intrinsics;

namespace NnQft.Numerics.Sampling;

/// <summary>
/// cos over a span, four lanes at a time: the exact sampler's largest cost is the P (T + 1) D cosines of the random
/// features, and neither Math.Cos nor TensorPrimitives.Cos (not vectorised for double) is fast enough. Quadrant
/// reduction r = x - n pi/2 (Cody-Waite, three parts) and the Cephes minimax polynomials for sin and cos on
/// [-pi/4, pi/4]: absolute error below 1e-15 for |x| &lt;= 1e5; larger arguments (heavy-tailed frequencies) fall back
/// to Math.Cos for their vector.
/// </summary>
internal static class FastCosine
{
    private const double TwoOverPi = 0.63661977236758134308;
    private const double Pio2A = 1.57079632673412561417e+00;
    private const double Pio2B = 6.07710050630396597660e-11;
    private const double Pio2C = 2.02226624879595063154e-21;
    private const double Limit = 1e5;

    public static void InPlace(Span<double> x)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var limit = Vector256.Create(Limit);
            for (; i + 4 <= x.Length; i += 4)
            {
                var v = Vector256.Create<double>(x.Slice(i, 4));
                if (Vector256.GreaterThanAny(Vector256.Abs(v), limit))
                {
                    for (int k = i; k < i + 4; k++) x[k] = Math.Cos(x[k]);
                    continue;
                }
                Cos(v).CopyTo(x.Slice(i, 4));
            }
        }
        for (; i < x.Length; i++) x[i] = Math.Cos(x[i]);
    }

    private static Vector256<double> Cos(Vector256<double> x)
    {
        var n = Vector256.Round(x * TwoOverPi);
        var r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-Pio2A), x);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-Pio2B), r);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-Pio2C), r);
        var z = r * r;
        var sinPoly = Vector256.Create(1.58962301576546568060E-10);
        sinPoly = Vector256.FusedMultiplyAdd(sinPoly, z, Vector256.Create(-2.50507477628578072866E-8));
        sinPoly = Vector256.FusedMultiplyAdd(sinPoly, z, Vector256.Create(2.75573136213857245213E-6));
        sinPoly = Vector256.FusedMultiplyAdd(sinPoly, z, Vector256.Create(-1.98412698295895385996E-4));
        sinPoly = Vector256.FusedMultiplyAdd(sinPoly, z, Vector256.Create(8.33333333332211858878E-3));
        sinPoly = Vector256.FusedMultiplyAdd(sinPoly, z, Vector256.Create(-1.66666666666666307295E-1));
        var sin = Vector256.FusedMultiplyAdd(r * z, sinPoly, r);
        var cosPoly = Vector256.Create(-1.13585365213876817300E-11);
        cosPoly = Vector256.FusedMultiplyAdd(cosPoly, z, Vector256.Create(2.08757008419747316778E-9));
        cosPoly = Vector256.FusedMultiplyAdd(cosPoly, z, Vector256.Create(-2.75573141792967388112E-7));
        cosPoly = Vector256.FusedMultiplyAdd(cosPoly, z, Vector256.Create(2.48015872888517045348E-5));
        cosPoly = Vector256.FusedMultiplyAdd(cosPoly, z, Vector256.Create(-1.38888888888730564116E-3));
        cosPoly = Vector256.FusedMultiplyAdd(cosPoly, z, Vector256.Create(4.16666666666665929218E-2));
        var cos = Vector256.FusedMultiplyAdd(z * z, cosPoly, Vector256<double>.One - 0.5 * z);
        // Quadrant q = n mod 4: cos x = cos r, -sin r, -cos r, sin r.
        var q = n - 4.0 * Vector256.Floor(n * 0.25);
        var useSin = Vector256.Equals(q, Vector256.Create(1.0)) | Vector256.Equals(q, Vector256.Create(3.0));
        var negate = Vector256.Equals(q, Vector256.Create(1.0)) | Vector256.Equals(q, Vector256.Create(2.0));
        var value = Vector256.ConditionalSelect(useSin, sin, cos);
        return Vector256.ConditionalSelect(negate, -value, value);
    }
}
