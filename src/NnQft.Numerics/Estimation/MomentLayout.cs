// SPDX-License-Identifier: MIT
using NnQft.Model;

namespace NnQft.Numerics.Estimation;

/// <summary>
/// Which products of phi are accumulated per network, laid out in one flat vector:
/// [pairs a&lt;=b | quads i&lt;=j&lt;=k&lt;=l | hexes | squares of quads]. The pairs give G2; the quads give G4 and the
/// variance of G2; the hexes are the sixth moments E[X4 X_ab] (ab a pair inside the quad) and the squared quads the
/// eighth moments E[X4^2] that the standard error of the connected G4 needs (delta method, see CorrelatorEstimator).
/// <para>A <see cref="Conditional"/> layout is for observations that are not products of one phi (Rao-Blackwell:
/// X2 and X4 are conditional moments, so X4 != X2 X2). Then the hexes are X4_q X2_ab per (quad, pair) rather than per
/// multiset of six points, and a fifth block holds every product X2_u X2_v (u &lt;= v), which the direct layout reads
/// off the quads.</para>
/// </summary>
internal sealed class MomentLayout
{
    /// <summary>Largest point count accepted: the G4 table alone has C(P+3, 4) rows.</summary>
    public const int MaxPoints = 32;

    /// <summary>The pairs inside a sorted quad (positions), grouped as the three pairings.</summary>
    public static readonly (int A, int B)[] PairPositions = [(0, 1), (2, 3), (0, 2), (1, 3), (0, 3), (1, 2)];

    private readonly Dictionary<long, int> quadIndex = [];

    public MomentLayout(int pointCount, bool conditional = false)
    {
        Conditional = conditional;
        if (pointCount < 1 || pointCount > MaxPoints)
            throw new InvalidInputException("--points", $"must hold 1..{MaxPoints} points (the G4 table has C(P+3,4) rows)", pointCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        PointCount = pointCount;
        int p = pointCount;
        PairOf = new int[p, p];
        var pairs = new List<(int, int)>();
        for (int a = 0; a < p; a++)
            for (int b = a; b < p; b++)
            {
                PairOf[a, b] = PairOf[b, a] = pairs.Count;
                pairs.Add((a, b));
            }
        Pairs = pairs;
        var quads = new List<int[]>();
        for (int i = 0; i < p; i++)
            for (int j = i; j < p; j++)
                for (int k = j; k < p; k++)
                    for (int l = k; l < p; l++)
                    {
                        quadIndex[Key([i, j, k, l])] = quads.Count;
                        quads.Add([i, j, k, l]);
                    }
        Quads = quads;
        QuadPairs = new int[quads.Count, 6];
        QuadHexes = new int[quads.Count, 6];
        var hexIndex = new Dictionary<long, int>();
        var hexQuad = new List<int>();
        var hexPair = new List<int>();
        for (int q = 0; q < quads.Count; q++)
        {
            var quad = quads[q];
            for (int s = 0; s < 6; s++)
            {
                int a = quad[PairPositions[s].A], b = quad[PairPositions[s].B];
                QuadPairs[q, s] = PairOf[a, b];
                // Direct: X4 X_ab is a product of six phi, shared by every (quad, pair) with that multiset.
                long key = conditional ? (long)q * 4096 + PairOf[a, b] : Key([.. quad, a, b]);
                if (!hexIndex.TryGetValue(key, out int h))
                {
                    h = hexQuad.Count;
                    hexIndex[key] = h;
                    hexQuad.Add(q);
                    hexPair.Add(PairOf[a, b]);
                }
                QuadHexes[q, s] = h;
            }
        }
        HexQuad = [.. hexQuad];
        HexPair = [.. hexPair];
        PairStart = 0;
        QuadStart = Pairs.Count;
        HexStart = QuadStart + Quads.Count;
        SquareStart = HexStart + HexQuad.Length;
        PairProductStart = SquareStart + Quads.Count;
        int pairCount = Pairs.Count;
        PairProductOf = new int[pairCount, pairCount];
        int next = 0;
        if (conditional)
            for (int u = 0; u < pairCount; u++)
                for (int v = u; v < pairCount; v++) PairProductOf[u, v] = PairProductOf[v, u] = next++;
        Length = PairProductStart + next;
    }

    /// <summary>True when X4 is observed separately from X2 (see the class remarks).</summary>
    public bool Conditional { get; }

    /// <summary>Conditional layouts: the index (from <see cref="PairProductStart"/>) of X2_u X2_v.</summary>
    public int[,] PairProductOf { get; }

    public int PairProductStart { get; }

    public int PointCount { get; }

    public IReadOnlyList<(int A, int B)> Pairs { get; }

    public IReadOnlyList<int[]> Quads { get; }

    /// <summary>Pair index of (a, b) in either order.</summary>
    public int[,] PairOf { get; }

    /// <summary>For quad q and pair position s: the pair index.</summary>
    public int[,] QuadPairs { get; }

    /// <summary>For quad q and pair position s: the hex index of X4_q X_pair.</summary>
    public int[,] QuadHexes { get; }

    public int[] HexQuad { get; }

    public int[] HexPair { get; }

    public int PairStart { get; }

    public int QuadStart { get; }

    public int HexStart { get; }

    public int SquareStart { get; }

    /// <summary>Total number of accumulated products.</summary>
    public int Length { get; }

    /// <summary>Quad index of four point indices in any order.</summary>
    public int QuadOf(int a, int b, int c, int d)
    {
        Span<int> s = [a, b, c, d];
        s.Sort();
        return quadIndex[Key(s)];
    }

    /// <summary>Writes every product of <paramref name="phi"/> into <paramref name="products"/> (length <see cref="Length"/>).</summary>
    public void Products(ReadOnlySpan<double> phi, Span<double> products)
    {
        var x2 = products.Slice(PairStart, Pairs.Count);
        for (int n = 0; n < Pairs.Count; n++) x2[n] = phi[Pairs[n].A] * phi[Pairs[n].B];
        var x4 = products.Slice(QuadStart, Quads.Count);
        for (int q = 0; q < x4.Length; q++) x4[q] = x2[QuadPairs[q, 0]] * x2[QuadPairs[q, 1]];
        var x6 = products.Slice(HexStart, HexQuad.Length);
        for (int h = 0; h < x6.Length; h++) x6[h] = x4[HexQuad[h]] * x2[HexPair[h]];
        var x8 = products.Slice(SquareStart, Quads.Count);
        for (int q = 0; q < x8.Length; q++) x8[q] = x4[q] * x4[q];
    }

    /// <summary>
    /// Conditional layouts: writes every product of the observations <paramref name="x2"/> (pairs) and
    /// <paramref name="x4"/> (quads) into <paramref name="products"/> (length <see cref="Length"/>).
    /// </summary>
    public void ProductsOfObservations(ReadOnlySpan<double> x2, ReadOnlySpan<double> x4, Span<double> products)
    {
        if (!Conditional) throw new InvalidOperationException("observations need a conditional layout");
        x2.CopyTo(products.Slice(PairStart, Pairs.Count));
        x4.CopyTo(products.Slice(QuadStart, Quads.Count));
        var x6 = products.Slice(HexStart, HexQuad.Length);
        for (int h = 0; h < x6.Length; h++) x6[h] = x4[HexQuad[h]] * x2[HexPair[h]];
        var x8 = products.Slice(SquareStart, Quads.Count);
        for (int q = 0; q < x8.Length; q++) x8[q] = x4[q] * x4[q];
        var pp = products[PairProductStart..];
        int n = 0;
        for (int u = 0; u < Pairs.Count; u++)
            for (int v = u; v < Pairs.Count; v++) pp[n++] = x2[u] * x2[v];
    }

    private static long Key(ReadOnlySpan<int> indices)
    {
        Span<int> s = stackalloc int[indices.Length];
        indices.CopyTo(s);
        s.Sort();
        long key = indices.Length;
        foreach (int i in s) key = key * 64 + i + 1;
        return key;
    }
}
