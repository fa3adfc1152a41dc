// SPDX-License-Identifier: MIT
namespace NnQft.Hybrid.Theory;

/// <summary>
/// M2(t, xa, xb) = E[A_t(xa) A_t(xb)] by quadrature, each value computed once: a triangular table per distinct
/// token law (one for exchangeable tokens). <see cref="Prepare"/> fills many pairs in parallel; <see cref="Get"/> computes
/// a missing value on the spot (two threads that race compute the same number, so the race is benign).
/// </summary>
internal sealed class TwoPointMoments
{
    private readonly LogitLaws laws;
    private readonly int points;
    private readonly double[]?[] tables;
    private readonly bool exchangeable;

    public TwoPointMoments(LogitLaws laws, int tokens, int points, bool exchangeable)
    {
        this.laws = laws;
        this.points = points;
        this.exchangeable = exchangeable;
        tables = new double[]?[exchangeable ? 1 : tokens];
    }

    /// <summary>M2 for 0-based token t and points a, b.</summary>
    public double Get(int t, int a, int b)
    {
        if (a > b) (a, b) = (b, a);
        var table = Table(t);
        long slot = Slot(a, b);
        double m = Volatile.Read(ref table[slot]);
        if (double.IsNaN(m)) Volatile.Write(ref table[slot], m = laws.TwoPointMoment(t, a, b));
        return m;
    }

    /// <summary>Computes every listed (token, a, b) in parallel.</summary>
    public void Prepare(IReadOnlyList<(int Token, int A, int B)> pairs) =>
        Parallel.ForEach(pairs, p => Get(p.Token, p.A, p.B));

    /// <summary>Every pair of every token law in parallel (what the G2 matrix needs anyway).</summary>
    public void PrepareAll()
    {
        var all = new List<(int, int, int)>();
        for (int t = 0; t < tables.Length; t++)
            for (int a = 0; a < points; a++)
                for (int b = a; b < points; b++) all.Add((t, a, b));
        Prepare(all);
    }

    private double[] Table(int t)
    {
        int g = exchangeable ? 0 : t;
        var table = Volatile.Read(ref tables[g]);
        if (table is not null) return table;
        var fresh = new double[(long)points * (points + 1) / 2];
        Array.Fill(fresh, double.NaN);
        return Interlocked.CompareExchange(ref tables[g], fresh, null) ?? fresh;
    }

    private long Slot(int a, int b) => (long)a * points - (long)a * (a - 1) / 2 + (b - a);
}
