// SPDX-License-Identifier: MIT
namespace NnQft.Hybrid.Theory;

/// <summary>
/// The distinct sampled attention moments asked for, E[A_t1(x1) ... A_tn(xn)] with n = 4 or 6 (docs/theory.md
/// sections 5 and 11), each the mean of a product of n / 2 pair vectors: P_(t a, t' b)(s) = A_t(a) A_t'(b) in logit
/// sample s. Factors are sorted, so a moment that several tuples or forms use is one entry, whichever tuple order or
/// degree asked for it; the estimate of every entry comes from the same logit samples. Four-point entries are dot
/// products of two pair vectors (<see cref="PairDots"/>), six-point ones sums of products of three
/// (<see cref="PairTriples"/>). Weights are addressed as t * points + p (the layout of
/// <see cref="NnQft.Numerics.Attention.LogitSampler"/>).
/// </summary>
internal sealed class MomentEntries(int points)
{
    private readonly Dictionary<long, int> pairIndex = new(MixedKeys.Instance);
    private readonly Dictionary<long, int> twoIndex = new(MixedKeys.Instance);
    private readonly Dictionary<(int, int, int), int> threeIndex = [];
    private readonly List<int> pairWeights = [];
    private readonly List<int> twoPairs = [];
    private readonly List<int> twoEntries = [];
    private readonly List<int> threePairs = [];
    private readonly List<int> threeEntries = [];

    /// <summary>The number of distinct pair vectors.</summary>
    public int PairCount => pairWeights.Count / 2;

    /// <summary>The number of distinct moments, of either degree.</summary>
    public int EntryCount { get; private set; }

    /// <summary>Pair vector k is the product of weights PairWeights[2k] and PairWeights[2k + 1].</summary>
    public int[] PairWeights() => [.. pairWeights];

    /// <summary>The four-point moments: the i-th is entry TwoEntries[i], the mean of pair vectors TwoPairs[2i] and TwoPairs[2i + 1].</summary>
    public int[] TwoPairs() => [.. twoPairs];

    /// <summary>The entry index of each four-point moment of <see cref="TwoPairs"/>.</summary>
    public int[] TwoEntries() => [.. twoEntries];

    /// <summary>The six-point moments: the i-th is entry ThreeEntries[i], the mean of pair vectors ThreePairs[3i .. 3i + 2].</summary>
    public int[] ThreePairs() => [.. threePairs];

    /// <summary>The entry index of each six-point moment of <see cref="ThreePairs"/>.</summary>
    public int[] ThreeEntries() => [.. threeEntries];

    /// <summary>The entry of moment <paramref name="m"/> at the 0-based point tuple.</summary>
    public int Add(MomentTemplate m, ReadOnlySpan<int> tuple)
    {
        int degree = m.Tokens.Length;
        if (degree is not (4 or 6))
            throw new InvalidOperationException($"only four- and six-point attention moments are sampled; got one of degree {degree}");
        Span<int> w = stackalloc int[degree];
        for (int k = 0; k < degree; k++) w[k] = m.Tokens[k] * points + tuple[m.PointSlots[k]];
        w.Sort();
        int a = Pair(w[0], w[1]), b = Pair(w[2], w[3]);
        int e;
        if (degree == 4)
        {
            if (a > b) (a, b) = (b, a);
            long key = ((long)a << 32) | (uint)b;
            if (twoIndex.TryGetValue(key, out e)) return e;
            twoIndex[key] = e = EntryCount++;
            twoPairs.Add(a);
            twoPairs.Add(b);
            twoEntries.Add(e);
            return e;
        }
        int c = Pair(w[4], w[5]);
        if (threeIndex.TryGetValue((a, b, c), out e)) return e;
        threeIndex[(a, b, c)] = e = EntryCount++;
        threePairs.AddRange([a, b, c]);
        threeEntries.Add(e);
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
