// SPDX-License-Identifier: MIT
using NnQft.Model;

namespace NnQft.Numerics.Estimation;

/// <summary>
/// What a run accumulates per network for the six-point functions of a <c>--g6</c> selection (docs/theory.md
/// section 11), one block of <see cref="SumsPerTuple"/> sums per six-tuple. Per tuple (positions 0..5 of its sorted
/// indices) the observation vector Y has <see cref="Observables"/> entries: Y_0 = X6 = phi^6 over the tuple,
/// Y_{1+k} = the product over the four positions outside pair k, Y_{16+k} = the product over pair k (pairs of
/// positions i &lt; j, lexicographic). The sums are S(Y_i), S(Y_i Y_j) for i &lt;= j and, per pairing {P, Q, R} of the
/// six positions, S(Y_P Y_Q Y_R): the power sums the unbiased estimator of the sixth cumulant and its standard error
/// need (<see cref="SixPointEstimator"/>).
/// <para>Every one of these sums is the sum of a monomial in phi (of degree 2 to 12), and tuples over the same points
/// share most of them (X4 X2 of complementary sets is X6 itself; X2_P X2_Q is an X4). The layout therefore keeps one
/// exact sum per distinct monomial, evaluated once per network as a product of two monomials of degree at most 6, and
/// a map from (tuple, slot) to that sum: on 3 points all 28 six-tuples need 251 sums instead of 28 x 542.</para>
/// </summary>
internal sealed class SixPointLayout
{
    /// <summary>Entries of the observation vector Y of one tuple: X6, fifteen X4, fifteen X2.</summary>
    public const int Observables = 31;

    /// <summary>Gram entries Y_i Y_j with i &lt;= j.</summary>
    public const int GramEntries = Observables * (Observables + 1) / 2;

    /// <summary>Pairings of six positions into three pairs.</summary>
    public const int PairingCount = 15;

    /// <summary>Sums per tuple: Y, the Gram and the pairing triples.</summary>
    public const int SumsPerTuple = Observables + GramEntries + PairingCount;

    /// <summary>Offset of the Gram inside a tuple's block.</summary>
    public const int GramStart = Observables;

    /// <summary>Offset of the pairing triples inside a tuple's block.</summary>
    public const int TripleStart = Observables + GramEntries;

    /// <summary>The 15 pairs of positions (i &lt; j), lexicographic.</summary>
    public static readonly (int I, int J)[] PositionPairs =
        [.. from i in Enumerable.Range(0, 6) from j in Enumerable.Range(i + 1, 5 - i) select (i, j)];

    /// <summary>The 15 pairings, each as three indices into <see cref="PositionPairs"/>.</summary>
    public static readonly (int P, int Q, int R)[] Pairings = BuildPairings();

    /// <summary>For pair k, the four positions outside it (the X4 of Y_{1+k}).</summary>
    public static readonly int[][] Complements =
        [.. PositionPairs.Select(p => Enumerable.Range(0, 6).Where(i => i != p.I && i != p.J).ToArray())];

    private readonly int[][] bases;     // the distinct monomials of degree <= 6 (point indices)
    private readonly int[] factorA, factorB; // each sum's monomial = bases[A] (* bases[B] when B >= 0)
    private readonly int[] slotSum;     // (tuple, slot) -> index of its sum

    public SixPointLayout(int pointCount, TupleSelection g6)
    {
        if (g6.Arity != 6) throw new ArgumentException("a G6 selection has tuples of 6 indices", nameof(g6));
        Selection = g6;
        PointCount = pointCount;
        Tuples = g6.Tuples(pointCount, "--g6");
        var baseIndex = new Dictionary<string, int>();
        var baseList = new List<int[]>();
        var sumIndex = new Dictionary<string, int>();
        var (a, b) = (new List<int>(), new List<int>());
        slotSum = new int[Tuples.Count * SumsPerTuple];
        int Base(int[] monomial)
        {
            string key = string.Join(",", monomial.Order());
            if (!baseIndex.TryGetValue(key, out int i))
            {
                baseIndex[key] = i = baseList.Count;
                baseList.Add(monomial);
            }
            return i;
        }
        int Sum(int first, int second)
        {
            var monomial = second < 0 ? baseList[first] : [.. baseList[first], .. baseList[second]];
            string key = string.Join(",", monomial.Order());
            if (!sumIndex.TryGetValue(key, out int i))
            {
                sumIndex[key] = i = a.Count;
                a.Add(first);
                b.Add(second);
            }
            return i;
        }
        var y = new int[Observables];
        for (int t = 0; t < Tuples.Count; t++)
        {
            var tuple = Tuples[t];
            y[0] = Base([.. tuple]);
            for (int k = 0; k < PositionPairs.Length; k++)
            {
                y[1 + k] = Base([.. Complements[k].Select(i => tuple[i])]);
                y[16 + k] = Base([tuple[PositionPairs[k].I], tuple[PositionPairs[k].J]]);
            }
            int at = t * SumsPerTuple;
            for (int i = 0; i < Observables; i++) slotSum[at + i] = Sum(y[i], -1);
            for (int i = 0; i < Observables; i++)
                for (int j = i; j < Observables; j++) slotSum[at + GramStart + Gram(i, j)] = Sum(y[i], y[j]);
            // The triple X2_P X2_Q X2_R of a pairing is the monomial X6 (the three pairs partition the tuple).
            for (int p = 0; p < PairingCount; p++) slotSum[at + TripleStart + p] = Sum(y[0], -1);
        }
        bases = [.. baseList];
        factorA = [.. a];
        factorB = [.. b];
        Length = factorA.Length;
    }

    /// <summary>The tuples accumulated.</summary>
    public TupleSelection Selection { get; }

    public int PointCount { get; }

    public IReadOnlyList<IReadOnlyList<int>> Tuples { get; }

    /// <summary>Number of distinct sums (monomials) accumulated.</summary>
    public int Length { get; }

    /// <summary>Scratch doubles <see cref="Accumulate"/> needs: one per distinct monomial of degree at most 6.</summary>
    public int ScratchLength => bases.Length;

    /// <summary>Index of the sum behind slot <paramref name="slot"/> (0..<see cref="SumsPerTuple"/>-1) of tuple <paramref name="tuple"/>.</summary>
    public int SumOf(int tuple, int slot) => slotSum[tuple * SumsPerTuple + slot];

    /// <summary>Flat index of Y_i Y_j (i &lt;= j) inside a tuple's Gram.</summary>
    public static int Gram(int i, int j)
    {
        if (i > j) (i, j) = (j, i);
        return i * Observables - i * (i - 1) / 2 + (j - i);
    }

    /// <summary>Adds one network's monomials of <paramref name="phi"/> to <paramref name="sums"/>; <paramref name="scratch"/> holds <see cref="ScratchLength"/> doubles.</summary>
    public void Accumulate(ReadOnlySpan<double> phi, Span<double> sums, Span<double> scratch)
    {
        for (int m = 0; m < bases.Length; m++)
        {
            var monomial = bases[m];
            double v = phi[monomial[0]];
            for (int i = 1; i < monomial.Length; i++) v *= phi[monomial[i]];
            scratch[m] = v;
        }
        for (int e = 0; e < factorA.Length; e++)
            sums[e] += factorB[e] < 0 ? scratch[factorA[e]] : scratch[factorA[e]] * scratch[factorB[e]];
    }

    private static (int, int, int)[] BuildPairings()
    {
        int PairIndex(int i, int j) => Array.IndexOf(PositionPairs, (Math.Min(i, j), Math.Max(i, j)));
        var result = new List<(int, int, int)>();
        for (int a = 1; a < 6; a++)
        {
            var rest = Enumerable.Range(1, 5).Where(i => i != a).ToArray(); // four positions, rest[0] the smallest
            for (int b = 1; b < 4; b++)
            {
                var last = rest.Skip(1).Where(i => i != rest[b]).ToArray();
                result.Add((PairIndex(0, a), PairIndex(rest[0], rest[b]), PairIndex(last[0], last[1])));
            }
        }
        return [.. result];
    }
}
