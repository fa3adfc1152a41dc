// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NnQft.Hybrid.Theory;

/// <summary>
/// The entries' dot products of pair vectors, grouped by their first vector so that it is loaded once for four
/// partners at a time (four multiply-adds per five loads instead of one per two). Vectors are rows of a
/// [pair][stride] table whose stride is a multiple of <see cref="Width"/>, zero-padded past the batch.
/// </summary>
internal sealed class PairDots
{
    private readonly int[] rowStart;   // entries of first pair a: order[rowStart[a] .. rowStart[a + 1])
    private readonly int[] partner;    // the second pair of each entry, in row order
    private readonly int[] entry;      // the entry index, in row order

    /// <summary>Dot product i is of pair vectors entryPairs[2i] and entryPairs[2i + 1]; it is written to sums[entryIds[i]].</summary>
    public PairDots(int pairCount, int[] entryPairs, int[] entryIds)
    {
        int entries = entryPairs.Length / 2;
        rowStart = new int[pairCount + 1];
        for (int e = 0; e < entries; e++) rowStart[entryPairs[2 * e] + 1]++;
        for (int a = 0; a < pairCount; a++) rowStart[a + 1] += rowStart[a];
        var fill = (int[])rowStart.Clone();
        partner = new int[entries];
        entry = new int[entries];
        for (int e = 0; e < entries; e++)
        {
            int slot = fill[entryPairs[2 * e]]++;
            partner[slot] = entryPairs[2 * e + 1];
            entry[slot] = entryIds[e];
        }
    }

    public int Rows => rowStart.Length - 1;

    /// <summary>The row stride must be a multiple of this (the widest vector the dot products use).</summary>
    public const int Width = 4;

    /// <summary>sums[e] = dot(pairs[a], pairs[b]) for the entries of rows from..to.</summary>
    public void Compute(int from, int to, double[] pairs, int stride, double[] sums)
    {
        for (int a = from; a < to; a++)
        {
            ref double row = ref pairs[a * stride];
            int k = rowStart[a], end = rowStart[a + 1];
            for (; k + 4 <= end; k += 4)
            {
                Dot4(ref row, ref pairs[partner[k] * stride], ref pairs[partner[k + 1] * stride],
                    ref pairs[partner[k + 2] * stride], ref pairs[partner[k + 3] * stride], stride,
                    out sums[entry[k]], out sums[entry[k + 1]], out sums[entry[k + 2]], out sums[entry[k + 3]]);
            }
            for (; k < end; k++)
                sums[entry[k]] = Dot(ref row, ref pairs[partner[k] * stride], stride);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dot4(ref double a, ref double b0, ref double b1, ref double b2, ref double b3, int length,
        out double s0, out double s1, out double s2, out double s3)
    {
        var d0 = Vector256<double>.Zero;
        var d1 = Vector256<double>.Zero;
        var d2 = Vector256<double>.Zero;
        var d3 = Vector256<double>.Zero;
        for (nuint i = 0; i < (nuint)length; i += 4)
        {
            var va = Vector256.LoadUnsafe(ref a, i);
            d0 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref b0, i), d0);
            d1 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref b1, i), d1);
            d2 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref b2, i), d2);
            d3 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref b3, i), d3);
        }
        (s0, s1, s2, s3) = (Vector256.Sum(d0), Vector256.Sum(d1), Vector256.Sum(d2), Vector256.Sum(d3));
    }

    // The same lanes and order as Dot4, so an entry's sum does not depend on which partners share its row.
    private static double Dot(ref double a, ref double b, int length)
    {
        var c = Vector256<double>.Zero;
        for (nuint i = 0; i < (nuint)length; i += 4)
            c = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, i), Vector256.LoadUnsafe(ref b, i), c);
        return Vector256.Sum(c);
    }
}
