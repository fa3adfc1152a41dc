// SPDX-License-Identifier: MIT
using System.Runtime.Intrinsics;

namespace NnQft.Numerics.LinearAlgebra;

/// <summary>
/// C = A B for small row-major matrices, register-blocked: four rows of C share each loaded vector of B, so the inner
/// loop does four fused multiply-adds per load instead of the one of a row-by-row multiply-add (the sampler's key
/// vectors u = F G cost P r D, its largest product at many points).
/// </summary>
internal static class DenseProduct
{
    /// <summary>
    /// Writes A (m x k, row stride <paramref name="strideA"/>) times B (k x n, rows contiguous) into C (m x n, rows
    /// contiguous).
    /// </summary>
    public static void Multiply(ReadOnlySpan<double> a, int m, int k, int strideA, ReadOnlySpan<double> b, int n, Span<double> c)
    {
        int width = Vector256<double>.Count;
        int i = 0;
        for (; i + 4 <= m; i += 4)
        {
            var a0 = a.Slice(i * strideA, k);
            var a1 = a.Slice((i + 1) * strideA, k);
            var a2 = a.Slice((i + 2) * strideA, k);
            var a3 = a.Slice((i + 3) * strideA, k);
            int j = 0;
            if (Vector256.IsHardwareAccelerated)
                for (; j + width <= n; j += width)
                {
                    var s0 = Vector256<double>.Zero;
                    var s1 = Vector256<double>.Zero;
                    var s2 = Vector256<double>.Zero;
                    var s3 = Vector256<double>.Zero;
                    for (int l = 0; l < k; l++)
                    {
                        var row = Vector256.Create<double>(b.Slice(l * n + j, width));
                        s0 = Vector256.FusedMultiplyAdd(Vector256.Create(a0[l]), row, s0);
                        s1 = Vector256.FusedMultiplyAdd(Vector256.Create(a1[l]), row, s1);
                        s2 = Vector256.FusedMultiplyAdd(Vector256.Create(a2[l]), row, s2);
                        s3 = Vector256.FusedMultiplyAdd(Vector256.Create(a3[l]), row, s3);
                    }
                    s0.CopyTo(c.Slice(i * n + j, width));
                    s1.CopyTo(c.Slice((i + 1) * n + j, width));
                    s2.CopyTo(c.Slice((i + 2) * n + j, width));
                    s3.CopyTo(c.Slice((i + 3) * n + j, width));
                }
            for (; j < n; j++)
                for (int r = 0; r < 4; r++) c[(i + r) * n + j] = Column(a.Slice((i + r) * strideA, k), b, n, j);
        }
        for (; i < m; i++)
            for (int j = 0; j < n; j++) c[i * n + j] = Column(a.Slice(i * strideA, k), b, n, j);
    }

    private static double Column(ReadOnlySpan<double> aRow, ReadOnlySpan<double> b, int n, int j)
    {
        double sum = 0;
        for (int l = 0; l < aRow.Length; l++) sum += aRow[l] * b[l * n + j];
        return sum;
    }
}
