// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Numerics.Results;

namespace NnQft.Numerics.Estimation;

/// <summary>
/// Turns accumulated moments into estimates with standard errors.
/// <para>G2 and G4 are sample means m_ab, m_ijkl, with standard errors sqrt(sample variance / n) (the variances
/// come from the accumulated fourth and eighth moments).</para>
/// <para>The connected part subtracts the three pairings. The plug-in m_ab m_cd is biased
/// (E[m_ab m_cd] = G_ab G_cd + Cov(X_ab, X_cd)/n); the U-statistic (n m_ab m_cd - m_abcd)/(n - 1) averages only over
/// distinct networks and is unbiased, and X_ab X_cd = X_abcd makes its correction use the fourth moment itself.</para>
/// <para>Its standard error is the delta method: the estimator's influence is
/// psi = X_ijkl - sum over pairings (m_cd X_ab + m_ab X_cd), whose variance needs E[X4^2] (eighth moments),
/// E[X4 X_ab] (sixth) and E[X_ab X_cd] (fourth), all accumulated exactly.</para>
/// <para>Conditional layouts (Rao-Blackwell observations, X4 != X2 X2): the U-statistic of E[X_ab] E[X_cd] is
/// (n m_ab m_cd - mean(X_ab X_cd))/(n - 1) with the accumulated pair products, and every E[X_ab X_cd] in the delta
/// method (and in the variance of G2) is read from them instead of from the quads.</para>
/// With fewer than two networks no variance exists and standard errors are reported as 0; with none, values are 0.
/// </summary>
internal static class CorrelatorEstimator
{
    /// <summary>
    /// The estimates of the state's accumulators; G4 lists the tuples of <paramref name="report"/> (default: every
    /// tuple the state accumulates), which must be a part of the state's selection.
    /// </summary>
    public static CorrelatorResult Estimate(MomentState state, string method, PointSet points, TupleSelection? report = null, TupleSelection? reportG6 = null)
    {
        var layout = state.Layout;
        int p = layout.PointCount;
        long n = state.Networks;
        double[] m = state.Means();
        double varianceScale = n >= 2 ? 1.0 / (n - 1) : 0.0; // sample variance / n = (mean-square deviation) / (n - 1)
        double Mean2(int pair) => m[layout.PairStart + pair];
        double Mean4(int quad) => m[layout.QuadStart + quad];

        var g2 = new double[p][];
        var g2Err = new double[p][];
        for (int a = 0; a < p; a++)
        {
            g2[a] = new double[p];
            g2Err[a] = new double[p];
            for (int b = 0; b < p; b++)
            {
                int pair = layout.PairOf(a, b);
                double mean = Mean2(pair);
                double second = m[layout.PairSquareStart + pair];
                g2[a][b] = mean;
                g2Err[a][b] = StdErr(second - mean * mean, varianceScale);
            }
        }

        var quads = report is null || report.Equals(layout.Selection)
            ? Enumerable.Range(0, layout.Quads.Count)
            : report.Tuples(p).Select(t => layout.QuadOf(t[0], t[1], t[2], t[3]));
        var g4 = new List<G4Entry>(layout.Quads.Count);
        Span<double> coefficient = stackalloc double[7];
        Span<int> pairOfTerm = stackalloc int[7];
        foreach (int q in quads)
        {
            if (q < 0) throw new ArgumentException("the reported tuples must be part of the accumulated selection", nameof(report));
            // E[X_u X_v] for two of this quad's pairs (u, v = positions 0..5).
            double MeanPairProduct(int s, int s2) => m[layout.QuadPairProducts[q, s * 6 + s2]];
            double m4 = Mean4(q);
            double m8 = m[layout.SquareStart + q];
            double pairingSum = 0;
            for (int s = 0; s < 6; s += 2) pairingSum += Mean2(layout.QuadPairs[q, s]) * Mean2(layout.QuadPairs[q, s + 1]);
            double connected;
            if (n < 2) connected = m4 - pairingSum;
            else if (!layout.Conditional) connected = m4 * (1 + 3.0 / (n - 1)) - n / (n - 1.0) * pairingSum;
            else
            {
                double productMeans = 0;
                for (int s = 0; s < 6; s += 2) productMeans += MeanPairProduct(s, s + 1);
                connected = m4 - (n * pairingSum - productMeans) / (n - 1.0);
            }

            // psi = X4 + sum_s c_s X_{pair s}, with c_s = -(mean of the partner pair of s in its pairing).
            coefficient[0] = 1;
            pairOfTerm[0] = -1;
            for (int s = 0; s < 6; s++)
            {
                int partner = s ^ 1;
                coefficient[s + 1] = -Mean2(layout.QuadPairs[q, partner]);
                pairOfTerm[s + 1] = s;
            }
            double variance = 0;
            for (int u = 0; u < 7; u++)
                for (int v = 0; v < 7; v++)
                {
                    double cov;
                    if (u == 0 && v == 0) cov = m8 - m4 * m4;
                    else if (u == 0 || v == 0)
                    {
                        int s = (u == 0 ? v : u) - 1;
                        cov = m[layout.HexStart + layout.QuadHexes[q, s]] - m4 * Mean2(layout.QuadPairs[q, s]);
                    }
                    else cov = MeanPairProduct(pairOfTerm[u], pairOfTerm[v]) - Mean2(layout.QuadPairs[q, pairOfTerm[u]]) * Mean2(layout.QuadPairs[q, pairOfTerm[v]]);
                    variance += coefficient[u] * coefficient[v] * cov;
                }
            g4.Add(new G4Entry(layout.Quads[q].ToArray(), m4, StdErr(m8 - m4 * m4, varianceScale), connected, StdErr(variance, varianceScale)));
        }
        var g6 = state.SixPoint is { } six ? SixPointEstimator.Estimate(six, state.SixPointSums, n, reportG6) : null;
        return new CorrelatorResult(method, n, state.Seconds, points.ToLists(), new G2Table(g2, g2Err), g4, report ?? layout.Selection, g6);
    }

    private static double StdErr(double variance, double scale) => Math.Sqrt(Math.Max(variance, 0) * scale);
}
