// SPDX-License-Identifier: MIT
using NnQft.Numerics.Results;

namespace NnQft.Numerics.Estimation;

/// <summary>
/// G6 and its connected part from the sums of a <see cref="SixPointLayout"/> (docs/theory.md section 11).
/// <para>For an even field the sixth joint cumulant is m6 - sum over the 15 splits into a four-set A and a pair Ā of
/// m4_A m2_Ā + 2 sum over the 15 pairings {P, Q, R} of m2_P m2_Q m2_R. Each product of moments is estimated by the
/// U-statistic over distinct networks, written with power sums S: sum over i != j of a_i b_j = S(a) S(b) - S(ab), and
/// over distinct i, j, k of a_i b_j c_k = S(a) S(b) S(c) - S(ab) S(c) - S(ac) S(b) - S(bc) S(a) + 2 S(abc). Every term is
/// then unbiased, so the estimate is an unbiased estimator of the cumulant for n &gt;= 3 networks, whatever the
/// observations' law.</para>
/// <para>Standard error: the delta method on the influence psi = sum_i c_i Y_i with c_X6 = 1, c_X4A = -m2_Ā and
/// c_X2P = -m4_{outside P} + 2 sum over the pairings holding P of the other two pairs' m2 (three pairings per pair);
/// Var(psi) = c^T Cov(Y) c with Cov(Y) from the accumulated Gram, and the error is sqrt(Var(psi) / (n - 1)), as for
/// G4c. With fewer than three networks the plug-in value is reported with error 0.</para>
/// </summary>
internal static class SixPointEstimator
{
    /// <summary>The entries of every tuple of <paramref name="report"/> (default: every tuple accumulated).</summary>
    public static IReadOnlyList<G6Entry> Estimate(SixPointLayout layout, ReadOnlySpan<ExactSum> sums, long n, Model.TupleSelection? report = null)
    {
        var indices = report is null || report.Equals(layout.Selection)
            ? Enumerable.Range(0, layout.Tuples.Count).ToArray()
            : report.Tuples(layout.PointCount, "--g6").Select(t => IndexOf(layout, t)).ToArray();
        var entries = new List<G6Entry>(indices.Length);
        var block = new double[SixPointLayout.SumsPerTuple];
        foreach (int q in indices)
        {
            for (int i = 0; i < block.Length; i++) block[i] = sums[layout.SumOf(q, i)].ToDouble();
            entries.Add(Entry(layout.Tuples[q], block, n));
        }
        return entries;
    }

    private static int IndexOf(SixPointLayout layout, IReadOnlyList<int> tuple)
    {
        for (int q = 0; q < layout.Tuples.Count; q++)
            if (layout.Tuples[q].SequenceEqual(tuple)) return q;
        throw new ArgumentException("the reported tuples must be part of the accumulated selection", nameof(tuple));
    }

    private static G6Entry Entry(IReadOnlyList<int> tuple, double[] s, long n)
    {
        if (n == 0) return new G6Entry(tuple.ToArray(), 0, 0, 0, 0);
        double S(int i) => s[i];
        double G(int i, int j) => s[SixPointLayout.GramStart + SixPointLayout.Gram(i, j)];
        double Mean(int i) => s[i] / n;
        const int x6 = 0;
        static int X4(int k) => 1 + k;
        static int X2(int k) => 16 + k;

        double m6 = Mean(x6);
        double connected;
        if (n < 3)
        {
            connected = m6;
            for (int k = 0; k < 15; k++) connected -= Mean(X4(k)) * Mean(X2(k));
            foreach (var (p, q, r) in SixPointLayout.Pairings) connected += 2 * Mean(X2(p)) * Mean(X2(q)) * Mean(X2(r));
        }
        else
        {
            double nn = n;
            double four = 0;
            for (int k = 0; k < 15; k++) four += S(X4(k)) * S(X2(k)) - G(X4(k), X2(k));
            double three = 0;
            for (int t = 0; t < SixPointLayout.PairingCount; t++)
            {
                var (p, q, r) = SixPointLayout.Pairings[t];
                int a = X2(p), b = X2(q), c = X2(r);
                three += S(a) * S(b) * S(c) - G(a, b) * S(c) - G(a, c) * S(b) - G(b, c) * S(a) + 2 * s[SixPointLayout.TripleStart + t];
            }
            connected = m6 - four / (nn * (nn - 1)) + 2 * three / (nn * (nn - 1) * (nn - 2));
        }

        // Influence coefficients (see the class remarks).
        var c6 = new double[SixPointLayout.Observables];
        c6[x6] = 1;
        for (int k = 0; k < 15; k++)
        {
            c6[X4(k)] = -Mean(X2(k));
            c6[X2(k)] = -Mean(X4(k));
        }
        foreach (var (p, q, r) in SixPointLayout.Pairings)
        {
            double mp = Mean(X2(p)), mq = Mean(X2(q)), mr = Mean(X2(r));
            c6[X2(p)] += 2 * mq * mr;
            c6[X2(q)] += 2 * mp * mr;
            c6[X2(r)] += 2 * mp * mq;
        }
        double variance = 0;
        for (int i = 0; i < SixPointLayout.Observables; i++)
            for (int j = 0; j < SixPointLayout.Observables; j++)
                variance += c6[i] * c6[j] * (G(i, j) / n - Mean(i) * Mean(j));
        double scale = n >= 2 ? 1.0 / (n - 1) : 0;
        double fullVariance = G(x6, x6) / n - m6 * m6;
        double connectedError = n >= 3 ? Math.Sqrt(Math.Max(variance, 0) * scale) : 0;
        return new G6Entry(tuple.ToArray(), m6, Math.Sqrt(Math.Max(fullVariance, 0) * scale), connected, connectedError);
    }
}
