// SPDX-License-Identifier: MIT
using NnQft.Model;

namespace NnQft.Numerics.MonteCarlo;

/// <summary>The order in which an <see cref="IObservationSampler"/> lists pairs and quads of point indices.</summary>
/// <example><code>var pair = ObservationOrder.Pairs(3)[1]; // "(0, 1)"</code></example>
public static class ObservationOrder
{
    /// <summary>Pairs (a, b) with a &lt;= b, lexicographic: (0,0), (0,1), ..., (P-1,P-1).</summary>
    /// <example><code>int n = ObservationOrder.Pairs(8).Count; // 36: 8 * 9 / 2</code></example>
    public static IReadOnlyList<(int A, int B)> Pairs(int pointCount)
    {
        if (pointCount < 1) throw new InvalidInputException("pointCount", "must be at least 1");
        var pairs = new List<(int, int)>(pointCount * (pointCount + 1) / 2);
        for (int a = 0; a < pointCount; a++)
            for (int b = a; b < pointCount; b++) pairs.Add((a, b));
        return pairs;
    }

    /// <summary>Quads i &lt;= j &lt;= k &lt;= l, lexicographic (the order of the result JSON's <c>g4</c> list).</summary>
    /// <example><code>int n = ObservationOrder.Quads(2).Count; // 5: 0000, 0001, 0011, 0111, 1111</code></example>
    public static IReadOnlyList<IReadOnlyList<int>> Quads(int pointCount) => TupleSelection.All(4).Tuples(pointCount);
}
