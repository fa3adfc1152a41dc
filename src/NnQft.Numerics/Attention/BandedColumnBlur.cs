// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Numerics.Tensors;

namespace NnQft.Numerics.Attention;

/// <summary>
/// The b-blur of the attention quadrature as a banded matrix product: result[j, .] = sum_l W[j, l] columns[l, .], where
/// row j of the sparse weights <see cref="GaussianBlur"/> covers a contiguous run of nodes and neighbouring rows overlap
/// almost entirely (a Gaussian of many lattice spacings moved by about one spacing). Four output rows are accumulated at
/// once in registers over the union of their runs (with zero weights where a row does not reach), so each column value
/// loaded feeds four multiply-adds and no partial sum goes through memory; one multiply-add pass per (row, node) as
/// before cost three memory operations per multiply-add.
/// </summary>
internal static class BandedColumnBlur
{
    private const int RowsPerBlock = 4;

    /// <summary>
    /// result[j * width + i] = sum_l W[j, l] columns[l * width + i] for j &lt; rows (the row count of
    /// <paramref name="blur"/>), i &lt; width.
    /// </summary>
    public static void Apply(GaussianBlur blur, ReadOnlySpan<double> columns, int width, Span<double> result)
    {
        int rows = blur.RowStart.Length - 1;
        if (!Vector256.IsHardwareAccelerated || width < Vector256<double>.Count || !RowsOverlap(blur))
        {
            RowByRow(blur, columns, width, result);
            return;
        }
        int j = 0;
        for (; j + RowsPerBlock <= rows; j += RowsPerBlock) Block(blur, j, columns, width, result);
        if (j < rows) RowByRow(blur, columns, width, result, j);
    }

    /// <summary>
    /// Blocks pay for the union of their rows' runs; that is a good trade only when consecutive runs overlap (lattice
    /// blurs), not for per-output Hermite nodes, whose runs are disjoint.
    /// </summary>
    private static bool RowsOverlap(GaussianBlur blur)
    {
        int rows = blur.RowStart.Length - 1;
        if (rows < RowsPerBlock) return false;
        long union = 0, used = blur.RowStart[rows];
        for (int j = 0; j + RowsPerBlock <= rows; j += RowsPerBlock) union += RowsPerBlock * BlockSpan(blur, j).Length;
        return union <= 2 * used;
    }

    private static (int First, int Length) BlockSpan(GaussianBlur blur, int j)
    {
        int first = int.MaxValue, end = 0;
        for (int r = j; r < j + RowsPerBlock; r++)
        {
            int length = blur.RowStart[r + 1] - blur.RowStart[r];
            if (length == 0) continue;
            first = Math.Min(first, blur.FirstColumn[r]);
            end = Math.Max(end, blur.FirstColumn[r] + length);
        }
        return first == int.MaxValue ? (0, 0) : (first, end - first);
    }

    private static void Block(GaussianBlur blur, int j, ReadOnlySpan<double> columns, int width, Span<double> result)
    {
        var (first, length) = BlockSpan(blur, j);
        // Weights interleaved by node: the four rows' weights of node l are adjacent.
        Span<double> weights = length * RowsPerBlock <= 1024 ? stackalloc double[length * RowsPerBlock] : new double[length * RowsPerBlock];
        weights.Clear();
        for (int r = 0; r < RowsPerBlock; r++)
        {
            int start = blur.RowStart[j + r], count = blur.RowStart[j + r + 1] - start, offset = blur.FirstColumn[j + r] - first;
            for (int t = 0; t < count; t++) weights[(offset + t) * RowsPerBlock + r] = blur.Weights[start + t];
        }
        ref double w = ref MemoryMarshal.GetReference(weights);
        ref double c = ref MemoryMarshal.GetReference(columns);
        ref double o = ref MemoryMarshal.GetReference(result);
        int step = Vector256<double>.Count, i = 0;
        // Two vectors per row at a time: eight accumulators, and each broadcast weight feeds two multiply-adds.
        for (; i + 2 * step <= width; i += 2 * step)
        {
            var a0 = Vector256<double>.Zero; var b0 = Vector256<double>.Zero;
            var a1 = Vector256<double>.Zero; var b1 = Vector256<double>.Zero;
            var a2 = Vector256<double>.Zero; var b2 = Vector256<double>.Zero;
            var a3 = Vector256<double>.Zero; var b3 = Vector256<double>.Zero;
            nuint at = (nuint)(first * width + i);
            for (int l = 0; l < length; l++, at += (nuint)width)
            {
                var v = Vector256.LoadUnsafe(ref c, at);
                var u = Vector256.LoadUnsafe(ref c, at + (nuint)step);
                int k = l * RowsPerBlock;
                var w0 = Vector256.Create(Unsafe.Add(ref w, k));
                a0 = Vector256.FusedMultiplyAdd(w0, v, a0);
                b0 = Vector256.FusedMultiplyAdd(w0, u, b0);
                var w1 = Vector256.Create(Unsafe.Add(ref w, k + 1));
                a1 = Vector256.FusedMultiplyAdd(w1, v, a1);
                b1 = Vector256.FusedMultiplyAdd(w1, u, b1);
                var w2 = Vector256.Create(Unsafe.Add(ref w, k + 2));
                a2 = Vector256.FusedMultiplyAdd(w2, v, a2);
                b2 = Vector256.FusedMultiplyAdd(w2, u, b2);
                var w3 = Vector256.Create(Unsafe.Add(ref w, k + 3));
                a3 = Vector256.FusedMultiplyAdd(w3, v, a3);
                b3 = Vector256.FusedMultiplyAdd(w3, u, b3);
            }
            a0.StoreUnsafe(ref o, (nuint)(j * width + i)); b0.StoreUnsafe(ref o, (nuint)(j * width + i + step));
            a1.StoreUnsafe(ref o, (nuint)((j + 1) * width + i)); b1.StoreUnsafe(ref o, (nuint)((j + 1) * width + i + step));
            a2.StoreUnsafe(ref o, (nuint)((j + 2) * width + i)); b2.StoreUnsafe(ref o, (nuint)((j + 2) * width + i + step));
            a3.StoreUnsafe(ref o, (nuint)((j + 3) * width + i)); b3.StoreUnsafe(ref o, (nuint)((j + 3) * width + i + step));
        }
        for (; i + step <= width; i += step)
        {
            var a0 = Vector256<double>.Zero;
            var a1 = Vector256<double>.Zero;
            var a2 = Vector256<double>.Zero;
            var a3 = Vector256<double>.Zero;
            nuint at = (nuint)(first * width + i);
            for (int l = 0; l < length; l++, at += (nuint)width)
            {
                var v = Vector256.LoadUnsafe(ref c, at);
                int k = l * RowsPerBlock;
                a0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref w, k)), v, a0);
                a1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref w, k + 1)), v, a1);
                a2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref w, k + 2)), v, a2);
                a3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref w, k + 3)), v, a3);
            }
            a0.StoreUnsafe(ref o, (nuint)(j * width + i));
            a1.StoreUnsafe(ref o, (nuint)((j + 1) * width + i));
            a2.StoreUnsafe(ref o, (nuint)((j + 2) * width + i));
            a3.StoreUnsafe(ref o, (nuint)((j + 3) * width + i));
        }
        for (; i < width; i++)
        {
            for (int r = 0; r < RowsPerBlock; r++)
            {
                double sum = 0;
                for (int l = 0; l < length; l++) sum += weights[l * RowsPerBlock + r] * columns[(first + l) * width + i];
                result[(j + r) * width + i] = sum;
            }
        }
    }

    private static void RowByRow(GaussianBlur blur, ReadOnlySpan<double> columns, int width, Span<double> result, int fromRow = 0)
    {
        int rows = blur.RowStart.Length - 1;
        for (int j = fromRow; j < rows; j++)
        {
            var output = result.Slice(j * width, width);
            output.Clear();
            int start = blur.RowStart[j], first = blur.FirstColumn[j];
            for (int t = 0; t < blur.RowStart[j + 1] - start; t++)
                TensorPrimitives.MultiplyAdd(columns.Slice((first + t) * width, width), blur.Weights[start + t], output, output);
        }
    }
}
