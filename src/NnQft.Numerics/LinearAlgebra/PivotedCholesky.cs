// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.LinearAlgebra;

/// <summary>
/// Diagonally pivoted Cholesky of a symmetric positive semidefinite matrix: A ~= L L^T with L of rank r &lt;= n.
/// Pivoting stops when the largest remaining diagonal falls below a relative tolerance, so singular Grams (fewer
/// features than points, a constant query of rank one) factor without failing; what is dropped is a covariance of
/// size tolerance * max diagonal. Rows of L keep the original order, so x = L z with z ~ N(0, I_r) has covariance
/// L L^T directly.
/// </summary>
internal static class PivotedCholesky
{
    /// <summary>Relative size of the dropped remainder (times the largest diagonal entry).</summary>
    public const double RelativeTolerance = 1e-13;

    /// <summary>
    /// Factors the row-major n x n matrix <paramref name="a"/> (only read) into <paramref name="l"/> (row-major n x n,
    /// the first r columns meaningful), using <paramref name="work"/> (length at least 2n). Returns the rank r.
    /// </summary>
    public static int Factor(ReadOnlySpan<double> a, int n, Span<double> l, Span<double> work)
    {
        var diag = work[..n];
        var perm = work.Slice(n, n);
        double maxDiag = 0;
        for (int i = 0; i < n; i++)
        {
            diag[i] = a[i * n + i];
            perm[i] = i;
            if (diag[i] > maxDiag) maxDiag = diag[i];
            // A NaN or infinite variance would be skipped by the pivot search and silently give rank 0.
            if (!double.IsFinite(diag[i])) throw new ArithmeticException($"a Gram matrix has a non-finite variance ({diag[i]}) on row {i}");
        }
        if (!(maxDiag > 0)) return 0;
        double tolerance = RelativeTolerance * maxDiag;
        int k = 0;
        for (; k < n; k++)
        {
            int best = k;
            double bestValue = diag[(int)perm[k]];
            for (int j = k + 1; j < n; j++)
            {
                double v = diag[(int)perm[j]];
                if (v > bestValue)
                {
                    bestValue = v;
                    best = j;
                }
            }
            if (!(bestValue > tolerance)) break;
            (perm[k], perm[best]) = (perm[best], perm[k]);
            int p = (int)perm[k];
            double pivot = Math.Sqrt(bestValue);
            var lp = l.Slice(p * n, k);
            l[p * n + k] = pivot;
            double inverse = 1.0 / pivot;
            for (int j = k + 1; j < n; j++)
            {
                int i = (int)perm[j];
                double s = a[i * n + p];
                var li = l.Slice(i * n, k);
                for (int c = 0; c < k; c++) s -= li[c] * lp[c];
                s *= inverse;
                l[i * n + k] = s;
                diag[i] -= s * s;
            }
            // Rows already pivoted have zero in every later column.
            for (int j = 0; j < k; j++) l[(int)perm[j] * n + k] = 0;
        }
        return k;
    }
}
