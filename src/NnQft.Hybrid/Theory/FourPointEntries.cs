// SPDX-License-Identifier: MIT
namespace NnQft.Hybrid.Theory;

/// <summary>
/// The distinct four-point attention moments asked for, E[A_t(a) A_t'(b) A_u(c) A_u'(d)], each the mean of a product of
/// two pair vectors: P_(t a, t' b)(s) = A_t(a) A_t'(b) in logit sample s. Factors are sorted, so a moment that several
/// tuples or forms use is one entry; the estimate of every entry comes from the same logit samples.
/// Weights are addressed as t * points + p (the layout of <see cref="NnQft.Numerics.Attention.LogitSampler"/>).
/// </summary>
internal sealed class FourPointEntries(int points)
{
    private readonly Dictionary<long, int> pairIndex = new(MixedKeys.Instance);
    private readonly Dictionary<long, int> entryIndex = new(MixedKeys.Instance);
    private readonly List<int> pairWeights = [];
    private readonly List<int> entryPairs = [];

    /// <summary>The number of distinct pair vectors.</summary>
    public int PairCount => pairWeights.Count / 2;

    /// <summary>The number of distinct moments.</summary>
    public int EntryCount => entryPairs.Count / 2;

    /// <summary>Pair vector k is the product of weights PairWeights[2k] and PairWeights[2k + 1].</summary>
    public int[] PairWeights() => [.. pairWeights];

    /// <summary>Entry e is the mean of the product of pair vectors EntryPairs[2e] and EntryPairs[2e + 1].</summary>
    public int[] EntryPairs() => [.. entryPairs];

    /// <summary>The entry of moment <paramref name="m"/> at the 0-based point tuple.</summary>
    public int Add(MomentTemplate m, ReadOnlySpan<int> tuple)
    {
        if (m.Tokens.Length != 4)
            throw new InvalidOperationException($"only four-point attention moments are sampled; got one of degree {m.Tokens.Length}");
        Span<int> w = stackalloc int[4];
        for (int k = 0; k < 4; k++) w[k] = m.Tokens[k] * points + tuple[m.PointSlots[k]];
        w.Sort();
        int a = Pair(w[0], w[1]), b = Pair(w[2], w[3]);
        if (a > b) (a, b) = (b, a);
        long key = ((long)a << 32) | (uint)b;
        if (!entryIndex.TryGetValue(key, out int e))
        {
            entryIndex[key] = e = EntryCount;
            entryPairs.Add(a);
            entryPairs.Add(b);
        }
        return e;
    }

    private int Pair(int w0, int w1)
    {
        long key = ((long)w0 << 32) | (uint)w1;
        if (!pairIndex.TryGetValue(key, out int k))
        {
            pairIndex[key] = k = PairCount;
            pairWeights.Add(w0);
            pairWeights.Add(w1);
        }
        return k;
    }

    // long.GetHashCode folds the two halves with xor, which maps (a, b) and (b, a), and every small pair sharing a ^ b,
    // to one bucket; a multiplicative mix spreads the packed index pairs.
    private sealed class MixedKeys : IEqualityComparer<long>
    {
        public static MixedKeys Instance { get; } = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> 32);
    }
}
