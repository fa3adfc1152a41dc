// SPDX-License-Identifier: MIT
using System.Runtime.Intrinsics;

namespace NnQft.Hybrid.Theory;

/// <summary>
/// The six-point entries: sums over a batch of the product of three pair vectors, rows of the same zero-padded
/// [pair][stride] table as <see cref="PairDots"/> (stride a multiple of <see cref="PairDots.Width"/>). One fixed lane
/// order per entry, so a sum does not depend on which worker computes it.
/// </summary>
internal sealed class PairTriples(int[] entryPairs, int[] entryIds)
{
    /// <summary>The number of six-point entries.</summary>
    public int Count => entryIds.Length;

    /// <summary>sums[entryIds[i]] = sum_s pairs[a][s] pairs[b][s] pairs[c][s] for the triples i = from..to.</summary>
    public void Compute(int from, int to, double[] pairs, int stride, double[] sums)
    {
        for (int i = from; i < to; i++)
        {
            ref double a = ref pairs[entryPairs[3 * i] * stride];
            ref double b = ref pairs[entryPairs[3 * i + 1] * stride];
            ref double c = ref pairs[entryPairs[3 * i + 2] * stride];
            var total = Vector256<double>.Zero;
            for (nuint s = 0; s < (nuint)stride; s += 4)
                total = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, s) * Vector256.LoadUnsafe(ref b, s), Vector256.LoadUnsafe(ref c, s), total);
            sums[entryIds[i]] = Vector256.Sum(total);
        }
    }
}
