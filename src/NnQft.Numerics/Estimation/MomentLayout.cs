// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;
using NnQft.Model;

namespace NnQft.Numerics.Estimation;

/// <summary>
/// Which products of phi are accumulated per network, laid out in one flat vector:
/// [pairs a&lt;=b | pair squares | selected quads | other quartics | hexes | squares of quads].
/// The pairs give G2 and the pair squares its variance; the quads (only the tuples of the G4 selection) give G4. The
/// standard error of the connected G4 (delta method, see CorrelatorEstimator) needs, per selected quad, E[X_u X_v]
/// for every two of its six pairs u, v (fourth moments: the quad itself, a pair square, or another quartic that is
/// accumulated only because a selected quad needs it), the sixth moments E[X4 X_ab] (hexes) and the eighth E[X4^2].
/// The cost of a run thus grows with the tuples asked for, not with C(P+3, 4) (docs/cli.md section 5).
/// <para>A <see cref="Conditional"/> layout is for observations that are not products of one phi (Rao-Blackwell:
/// X2 and X4 are conditional moments, so X4 != X2 X2). Then the "other quartics" are the products X2_u X2_v (u &lt; v)
/// the quads need, and the hexes are X4_q X2_ab per (quad, pair) rather than per multiset of six points.</para>
/// </summary>
internal sealed class MomentLayout
{
    /// <summary>Largest point count an index key holds (16 bits per index).</summary>
    public const int MaxPoints = ushort.MaxValue;

    /// <summary>The pairs inside a sorted quad (positions), grouped as the three pairings.</summary>
    public static readonly (int A, int B)[] PairPositions = [(0, 1), (2, 3), (0, 2), (1, 3), (0, 3), (1, 2)];

    private readonly Dictionary<Int128, int>? quadIndex;
    private readonly int[] quartic; // direct: 4 point indices per other quartic; conditional: (u, v) pair indices
    private readonly int[] hexQuad, hexA, hexB, hexPair;
    private readonly int[] quadPoints; // the selected quads' point indices, 4 per quad (the hot loop avoids the list)

    public MomentLayout(int pointCount, TupleSelection g4, bool conditional = false)
    {
        if (pointCount < 1 || pointCount > MaxPoints)
            throw new InvalidInputException("--points", $"must hold 1..{MaxPoints} points", pointCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (g4.Arity != 4) throw new ArgumentException("a G4 selection has tuples of 4 indices", nameof(g4));
        Conditional = conditional;
        Selection = g4;
        PointCount = pointCount;
        int p = pointCount;
        var pairs = new (int, int)[p * (p + 1) / 2];
        for (int a = 0, n = 0; a < p; a++)
            for (int b = a; b < p; b++) pairs[n++] = (a, b);
        Pairs = pairs;
        Quads = g4.Tuples(p);
        int quadCount = Quads.Count;
        quadPoints = new int[4 * quadCount];
        for (int q = 0; q < quadCount; q++)
            for (int i = 0; i < 4; i++) quadPoints[4 * q + i] = Quads[q][i];
        if (!g4.IsAll)
        {
            quadIndex = new Dictionary<Int128, int>(quadCount);
            for (int q = 0; q < quadCount; q++) quadIndex[Key(Quads[q])] = q;
        }
        PairSquareStart = Pairs.Count;
        QuadStart = PairSquareStart + Pairs.Count;
        QuarticStart = QuadStart + quadCount;
        QuadPairs = new int[quadCount, 6];
        QuadPairProducts = new int[quadCount, 36];
        var quarticIndex = new Dictionary<Int128, int>();
        var quartics = new List<int>();
        Span<int> four = stackalloc int[4];
        for (int q = 0; q < quadCount; q++)
        {
            var quad = Quads[q];
            for (int s = 0; s < 6; s++) QuadPairs[q, s] = PairOf(quad[PairPositions[s].A], quad[PairPositions[s].B]);
            for (int s = 0; s < 6; s++)
                for (int s2 = s; s2 < 6; s2++)
                {
                    int u = QuadPairs[q, s], v = QuadPairs[q, s2];
                    int flat;
                    if (u == v) flat = PairSquareStart + u;
                    else if (conditional)
                    {
                        var key = (Int128)Math.Min(u, v) << 64 | (uint)Math.Max(u, v);
                        flat = QuarticStart + Intern(quarticIndex, quartics, key, Math.Min(u, v), Math.Max(u, v));
                    }
                    else
                    {
                        // X_u X_v = phi_a phi_b phi_c phi_d: a selected quad, a pair square (a, a, b, b), or another quartic.
                        four[0] = quad[PairPositions[s].A];
                        four[1] = quad[PairPositions[s].B];
                        four[2] = quad[PairPositions[s2].A];
                        four[3] = quad[PairPositions[s2].B];
                        four.Sort();
                        int found = IndexOfQuad(four);
                        if (found >= 0) flat = QuadStart + found;
                        else if (four[0] == four[1] && four[2] == four[3]) flat = PairSquareStart + PairOf(four[0], four[2]);
                        else flat = QuarticStart + Intern(quarticIndex, quartics, Key(four), four[0], four[1], four[2], four[3]);
                    }
                    QuadPairProducts[q, s * 6 + s2] = QuadPairProducts[q, s2 * 6 + s] = flat;
                }
        }
        quartic = [.. quartics];
        QuarticCount = quartic.Length / (conditional ? 2 : 4);
        HexStart = QuarticStart + QuarticCount;
        QuadHexes = new int[quadCount, 6];
        var hexIndex = new Dictionary<Int128, int>();
        var hexes = new List<int>();
        Span<int> six = stackalloc int[6];
        for (int q = 0; q < quadCount; q++)
        {
            var quad = Quads[q];
            for (int s = 0; s < 6; s++)
            {
                int a = quad[PairPositions[s].A], b = quad[PairPositions[s].B];
                Int128 key;
                if (conditional) key = (Int128)q << 64 | (uint)QuadPairs[q, s];
                else
                {
                    // Direct: X4 X_ab is a product of six phi, shared by every (quad, pair) with that multiset.
                    for (int i = 0; i < 4; i++) six[i] = quad[i];
                    six[4] = a;
                    six[5] = b;
                    six.Sort();
                    key = Key(six);
                }
                QuadHexes[q, s] = Intern(hexIndex, hexes, key, q, a, b, QuadPairs[q, s]);
            }
        }
        int hexCount = hexes.Count / 4;
        hexQuad = new int[hexCount];
        hexA = new int[hexCount];
        hexB = new int[hexCount];
        hexPair = new int[hexCount];
        for (int h = 0; h < hexCount; h++)
        {
            hexQuad[h] = hexes[4 * h];
            hexA[h] = hexes[4 * h + 1];
            hexB[h] = hexes[4 * h + 2];
            hexPair[h] = hexes[4 * h + 3];
        }
        SquareStart = HexStart + hexCount;
        Length = SquareStart + quadCount;
    }

    /// <summary>True when X4 is observed separately from X2 (see the class remarks).</summary>
    public bool Conditional { get; }

    /// <summary>The G4 tuples accumulated.</summary>
    public TupleSelection Selection { get; }

    public int PointCount { get; }

    /// <summary>Every pair a &lt;= b, lexicographic (row a is contiguous).</summary>
    public IReadOnlyList<(int A, int B)> Pairs { get; }

    /// <summary>The selected quads, lexicographic.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Quads { get; }

    /// <summary>For quad q and pair position s: the pair index.</summary>
    public int[,] QuadPairs { get; }

    /// <summary>For quad q and pair positions s, s2: the flat index of the accumulated E[X_{pair s} X_{pair s2}], at [q, 6 s + s2].</summary>
    public int[,] QuadPairProducts { get; }

    /// <summary>For quad q and pair position s: the hex index of X4_q X_pair.</summary>
    public int[,] QuadHexes { get; }

    public int PairStart => 0;

    public int PairSquareStart { get; }

    public int QuadStart { get; }

    public int QuarticStart { get; }

    public int QuarticCount { get; }

    public int HexStart { get; }

    public int SquareStart { get; }

    /// <summary>Total number of accumulated products.</summary>
    public int Length { get; }

    /// <summary>
    /// A generous estimate of the bytes a run over <paramref name="pointCount"/> points and this many
    /// <paramref name="quads"/> needs (state, layout tables and each worker's double sums), computed before anything is
    /// allocated, so that an impossible request fails up front with a clear message.
    /// </summary>
    public static double EstimatedBytes(int pointCount, long quads, int threads)
    {
        double pairs = pointCount * (pointCount + 1.0) / 2;
        // Per pair: two exact sums (56 bytes each) and two doubles per worker. Per quad, at most: the quad, its square,
        // six hexes and fifteen other quartics (exact sums and worker doubles), 208 bytes of index tables and about
        // 120 bytes of dictionary entries while the layout is built.
        return pairs * 2 * (56 + 8.0 * threads) + quads * (23 * (56 + 8.0 * threads) + 208 + 120);
    }

    /// <summary>Index of the pair (a, b) in either order (row-major upper triangle).</summary>
    public int PairOf(int a, int b)
    {
        if (a > b) (a, b) = (b, a);
        return a * PointCount - a * (a - 1) / 2 + (b - a);
    }

    /// <summary>Quad index of four point indices in any order, or -1 when the selection does not hold it.</summary>
    public int QuadOf(int a, int b, int c, int d)
    {
        Span<int> s = [a, b, c, d];
        s.Sort();
        return IndexOfQuad(s);
    }

    /// <summary>Adds every product of <paramref name="phi"/> to <paramref name="sums"/> (length <see cref="Length"/>).</summary>
    /// <param name="phi">The field at the points.</param>
    /// <param name="sums">Running sums.</param>
    /// <param name="scratch">At least P + (number of quads) doubles.</param>
    public void Accumulate(ReadOnlySpan<double> phi, Span<double> sums, Span<double> scratch)
    {
        if (Conditional) throw new InvalidOperationException("a conditional layout accumulates observations");
        int p = PointCount;
        var squares = scratch[..p];
        TensorPrimitives.Multiply(phi, phi, squares);
        // Row a of the pairs: sums[a, b] += phi_a phi_b for b >= a (contiguous), and likewise for the pair squares.
        for (int a = 0, row = 0; a < p; row += p - a, a++)
        {
            var pairRow = sums.Slice(row, p - a);
            TensorPrimitives.MultiplyAdd(phi[a..], phi[a], pairRow, pairRow);
            var squareRow = sums.Slice(PairSquareStart + row, p - a);
            TensorPrimitives.MultiplyAdd(squares[a..], squares[a], squareRow, squareRow);
        }
        int quadCount = Quads.Count;
        var x4 = scratch.Slice(p, quadCount);
        for (int q = 0, i = 0; q < quadCount; q++, i += 4)
        {
            double v = phi[quadPoints[i]] * phi[quadPoints[i + 1]] * (phi[quadPoints[i + 2]] * phi[quadPoints[i + 3]]);
            x4[q] = v;
            sums[QuadStart + q] += v;
            sums[SquareStart + q] += v * v;
        }
        for (int e = 0, i = 0; e < QuarticCount; e++, i += 4)
            sums[QuarticStart + e] += phi[quartic[i]] * phi[quartic[i + 1]] * (phi[quartic[i + 2]] * phi[quartic[i + 3]]);
        for (int h = 0; h < hexQuad.Length; h++) sums[HexStart + h] += x4[hexQuad[h]] * (phi[hexA[h]] * phi[hexB[h]]);
    }

    /// <summary>
    /// Conditional layouts: adds every product of the observations <paramref name="x2"/> (pairs) and
    /// <paramref name="x4"/> (the selected quads) to <paramref name="sums"/> (length <see cref="Length"/>).
    /// </summary>
    public void AccumulateObservations(ReadOnlySpan<double> x2, ReadOnlySpan<double> x4, Span<double> sums)
    {
        if (!Conditional) throw new InvalidOperationException("observations need a conditional layout");
        int pairs = Pairs.Count, quads = Quads.Count;
        TensorPrimitives.Add(sums[..pairs], x2, sums[..pairs]);
        var pairSquares = sums.Slice(PairSquareStart, pairs);
        TensorPrimitives.MultiplyAdd(x2, x2, pairSquares, pairSquares);
        var quadSums = sums.Slice(QuadStart, quads);
        TensorPrimitives.Add(quadSums, x4, quadSums);
        var squareSums = sums.Slice(SquareStart, quads);
        TensorPrimitives.MultiplyAdd(x4, x4, squareSums, squareSums);
        for (int e = 0, i = 0; e < QuarticCount; e++, i += 2) sums[QuarticStart + e] += x2[quartic[i]] * x2[quartic[i + 1]];
        for (int h = 0; h < hexQuad.Length; h++) sums[HexStart + h] += x4[hexQuad[h]] * x2[hexPair[h]];
    }

    private int IndexOfQuad(ReadOnlySpan<int> sorted)
    {
        if (quadIndex is not null) return quadIndex.TryGetValue(Key(sorted), out int q) ? q : -1;
        return AllQuadRank(sorted);
    }

    // Lexicographic rank of a sorted quad among every sorted quad over P points: the quads before it are those with a
    // smaller first index, then an equal first and smaller second, and so on; M(n, r) = C(n + r - 1, r) multisets of
    // size r over n values counts each group.
    private int AllQuadRank(ReadOnlySpan<int> sorted)
    {
        long rank = 0;
        int from = 0;
        for (int position = 0; position < 4; position++)
        {
            int remaining = 3 - position;
            for (int x = from; x < sorted[position]; x++) rank += Multisets(PointCount - x, remaining);
            from = sorted[position];
        }
        return (int)rank;
    }

    private static long Multisets(int values, int size)
    {
        long c = 1;
        for (int i = 1; i <= size; i++) c = c * (values + i - 1) / i;
        return c;
    }

    private static int Intern(Dictionary<Int128, int> index, List<int> table, Int128 key, params ReadOnlySpan<int> row)
    {
        if (index.TryGetValue(key, out int found)) return found;
        int next = table.Count / row.Length;
        index[key] = next;
        foreach (int v in row) table.Add(v);
        return next;
    }

    private static Int128 Key(IReadOnlyList<int> sorted)
    {
        Int128 key = sorted.Count;
        foreach (int i in sorted) key = key << 16 | (uint)i;
        return key;
    }

    private static Int128 Key(ReadOnlySpan<int> sorted)
    {
        Int128 key = sorted.Length;
        foreach (int i in sorted) key = key << 16 | (uint)i;
        return key;
    }
}
