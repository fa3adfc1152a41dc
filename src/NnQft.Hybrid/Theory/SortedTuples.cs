// SPDX-License-Identifier: MIT
namespace NnQft.Hybrid.Theory;

/// <summary>Index tuples i &lt;= j &lt;= k &lt;= ... over the points, in lexicographic order (the result JSON's g4 order).</summary>
internal static class SortedTuples
{
    public static IReadOnlyList<int[]> Of(int points, int length)
    {
        var result = new List<int[]>();
        var current = new int[length];
        void Fill(int position, int start)
        {
            if (position == length)
            {
                result.Add((int[])current.Clone());
                return;
            }
            for (int v = start; v < points; v++)
            {
                current[position] = v;
                Fill(position + 1, v);
            }
        }
        Fill(0, 0);
        return result;
    }
}
