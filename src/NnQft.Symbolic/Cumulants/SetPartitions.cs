// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>Set partitions and perfect matchings of {0, ..., n-1}, in a deterministic order.</summary>
/// <example><code>int bell3 = SetPartitions.Of(3).Count(); // 5</code></example>
public static class SetPartitions
{
    /// <summary>Every set partition of {0..n-1} as a list of blocks (each block ascending, blocks by least element).</summary>
    /// <example><code>foreach (var partition in SetPartitions.Of(3)) Console.WriteLine(string.Join(" | ", partition.Select(b =&gt; string.Join(",", b))));</code></example>
    public static IEnumerable<IReadOnlyList<IReadOnlyList<int>>> Of(int n)
    {
        // Restricted growth strings: label[i] <= 1 + max(label[0..i-1]).
        var label = new int[n];
        IEnumerable<IReadOnlyList<IReadOnlyList<int>>> Rec(int i, int blocks)
        {
            if (i == n)
            {
                var result = new List<int>[blocks];
                for (int b = 0; b < blocks; b++) result[b] = [];
                for (int k = 0; k < n; k++) result[label[k]].Add(k);
                yield return result;
                yield break;
            }
            for (int b = 0; b <= blocks; b++)
            {
                label[i] = b;
                foreach (var p in Rec(i + 1, Math.Max(blocks, b + 1))) yield return p;
            }
        }
        return n == 0 ? [[]] : Rec(0, 0).ToList();
    }

    /// <summary>Every perfect matching of {0..n-1} (none for odd n): the Isserlis/Wick pairings.</summary>
    /// <example><code>int pairings = SetPartitions.Matchings(4).Count; // 3: (01)(23), (02)(13), (03)(12)</code></example>
    public static IReadOnlyList<IReadOnlyList<(int, int)>> Matchings(int n)
    {
        var all = new List<IReadOnlyList<(int, int)>>();
        if (n % 2 == 1) return all;
        void Rec(List<int> rest, List<(int, int)> acc)
        {
            if (rest.Count == 0) { all.Add(acc.ToList()); return; }
            int first = rest[0];
            for (int k = 1; k < rest.Count; k++)
            {
                var next = rest.Where((_, j) => j != 0 && j != k).ToList();
                acc.Add((first, rest[k]));
                Rec(next, acc);
                acc.RemoveAt(acc.Count - 1);
            }
        }
        Rec(Enumerable.Range(0, n).ToList(), []);
        return all;
    }

    /// <summary>The Moebius coefficient of a partition with <paramref name="blocks"/> blocks: (-1)^(b-1) (b-1)!.</summary>
    /// <example><code>Number mu = SetPartitions.Moebius(3); // (-1)^2 2! = 2</code></example>
    public static Number Moebius(int blocks)
    {
        System.Numerics.BigInteger f = 1;
        for (int k = 2; k < blocks; k++) f *= k;
        return Number.Of(blocks % 2 == 1 ? f : -f);
    }
}
