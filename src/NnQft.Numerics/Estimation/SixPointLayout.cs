// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;
using NnQft.Model;

namespace NnQft.Numerics.Estimation;

/// <summary>
/// What a run accumulates per network for the six-point functions of a <c>--g6</c> selection (docs/theory.md
/// section 11), one block of <see cref="SumsPerTuple"/> sums per six-tuple. Per tuple (positions 0..5 of its sorted
/// indices) the observation vector Y has <see cref="Observables"/> entries: Y_0 = X6 = phi^6 over the tuple,
/// Y_{1+k} = the product over the four positions outside pair k, Y_{16+k} = the product over pair k (pairs of
/// positions i &lt; j, lexicographic). The sums are S(Y_i), S(Y_i Y_j) for i &lt;= j and, per pairing {P, Q, R} of the
/// six positions, S(Y_P Y_Q Y_R): the power sums the unbiased estimator of the sixth cumulant and its standard error
/// need (<see cref="SixPointEstimator"/>). They are written for observations in general (not only products of one
/// phi), so equal products are not merged: X4 X2 of complementary sets is accumulated beside X6.
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

    private readonly int[] points; // 6 point indices per tuple

    public SixPointLayout(int pointCount, TupleSelection g6)
    {
        if (g6.Arity != 6) throw new ArgumentException("a G6 selection has tuples of 6 indices", nameof(g6));
        Selection = g6;
        PointCount = pointCount;
        Tuples = g6.Tuples(pointCount, "--g6");
        points = [.. Tuples.SelectMany(t => t)];
        Length = Tuples.Count * SumsPerTuple;
    }

    /// <summary>The tuples accumulated.</summary>
    public TupleSelection Selection { get; }

    public int PointCount { get; }

    public IReadOnlyList<IReadOnlyList<int>> Tuples { get; }

    /// <summary>Total sums (every tuple's block).</summary>
    public int Length { get; }

    /// <summary>Flat index of Y_i Y_j (i &lt;= j) inside a tuple's Gram.</summary>
    public static int Gram(int i, int j)
    {
        if (i > j) (i, j) = (j, i);
        return i * Observables - i * (i - 1) / 2 + (j - i);
    }

    /// <summary>Adds network's products of <paramref name="phi"/> to <paramref name="sums"/>; <paramref name="y"/> holds 31 doubles.</summary>
    public void Accumulate(ReadOnlySpan<double> phi, Span<double> sums, Span<double> y)
    {
        Span<double> x = stackalloc double[6];
        for (int t = 0; t < Tuples.Count; t++)
        {
            for (int i = 0; i < 6; i++) x[i] = phi[points[6 * t + i]];
            Observe(x, y);
            Add(y, sums.Slice(t * SumsPerTuple, SumsPerTuple));
        }
    }

    /// <summary>Y of one tuple from the field at its six positions.</summary>
    private static void Observe(ReadOnlySpan<double> x, Span<double> y)
    {
        y[0] = x[0] * x[1] * (x[2] * x[3]) * (x[4] * x[5]);
        for (int k = 0; k < PositionPairs.Length; k++)
        {
            var c = Complements[k];
            y[1 + k] = x[c[0]] * x[c[1]] * (x[c[2]] * x[c[3]]);
            y[16 + k] = x[PositionPairs[k].I] * x[PositionPairs[k].J];
        }
    }

    private static void Add(ReadOnlySpan<double> y, Span<double> block)
    {
        var linear = block[..Observables];
        TensorPrimitives.Add(linear, y, linear);
        for (int i = 0, row = GramStart; i < Observables; row += Observables - i, i++)
        {
            var gramRow = block.Slice(row, Observables - i);
            TensorPrimitives.MultiplyAdd(y[i..], y[i], gramRow, gramRow);
        }
        for (int p = 0; p < PairingCount; p++)
        {
            var (a, b, c) = Pairings[p];
            block[TripleStart + p] += y[16 + a] * y[16 + b] * y[16 + c];
        }
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
