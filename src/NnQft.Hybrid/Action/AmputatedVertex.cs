// SPDX-License-Identifier: MIT
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using NnQft.Model;
using NnQft.Numerics.Results;

namespace NnQft.Hybrid.Action;

/// <summary>
/// The action on a finite point set to first order in G4c (docs/theory.md section 10): K = G2^-1, the amputated
/// connected four-point function V4_abcd = - sum G4c_ijkl K_ia K_jb K_kc K_ld and the quadratic part K - V2 / 2 with
/// V2_ab = sum_cd V4_abcd G2_cd. Standard errors of V4 propagate the input's to first order (delta method), treating
/// the input estimates as uncorrelated: a result file holds no covariances between its entries.
/// </summary>
/// <example><code>
/// var theory = TheoryEvaluator.Evaluate(Architecture.Default, PointSet.Of([[0.0, 0.0], [0.5, 0.0]]), new TheoryOptions(2_000));
/// PointSetAction action = AmputatedVertex.Compute(theory);
/// double v = action.Vertex[0].Value; // V4 at (0, 0, 0, 0)
/// </code></example>
public static class AmputatedVertex
{
    /// <summary>
    /// The action of <paramref name="input"/>, which must hold G2 and every sorted G4 tuple; <paramref name="source"/>
    /// names the input in error messages.
    /// </summary>
    /// <example><code>PointSetAction a = AmputatedVertex.Compute(CorrelatorResultJson.Read(File.ReadAllText("g.json")).Result, "g.json");</code></example>
    public static PointSetAction Compute(CorrelatorResult input, string source = "input")
    {
        int p = input.Points.Count;
        var g2 = Matrix<double>.Build.Dense(p, p, (a, b) => input.G2.Value[a][b]);
        var k = Inverse(g2, source);
        var (g4c, g4Stderr) = FullTensor(input, source);

        var vertex = Amputate(g4c, k, p);
        for (int i = 0; i < vertex.Length; i++) vertex[i] = -vertex[i];
        var v2 = Matrix<double>.Build.Dense(p, p, (a, b) =>
        {
            double s = 0;
            for (int c = 0; c < p; c++)
                for (int d = 0; d < p; d++) s += vertex[Flat(p, a, b, c, d)] * g2[c, d];
            return s;
        });
        var quadratic = k - v2 / 2;

        var tuples = SortedTuples(p);
        var variance = FromFourPoint(tuples, g4Stderr, k, p);
        AddFromTwoPoint(variance, tuples, input.G2.Stderr, vertex, k, p);
        var entries = tuples.Select((t, q) => new VertexEntry(t, vertex[Flat(p, t[0], t[1], t[2], t[3])], Math.Sqrt(variance[q]))).ToArray();
        return new PointSetAction(
            input.Points,
            Enumerable.Range(0, p).Select(a => (IReadOnlyList<double>)Enumerable.Range(0, p).Select(b => quadratic[a, b]).ToArray()).ToArray(),
            entries);
    }

    /// <summary>The sorted index tuples a &lt;= b &lt;= c &lt;= d over p points, in the result JSON's order.</summary>
    internal static int[][] SortedTuples(int p) => [.. TupleSelection.All(4).Tuples(p).Select(t => t.ToArray())];

    private static Matrix<double> Inverse(Matrix<double> g2, string source)
    {
        const string allowed = "must be a symmetric positive definite matrix (two coincident points make it singular)";
        double largest = g2.Enumerate().Max(Math.Abs);
        if (!g2.Enumerate().All(double.IsFinite) || !((g2 - g2.Transpose()).Enumerate().Max(Math.Abs) <= 1e-12 * largest))
            throw new InvalidInputException($"{source}: g2", allowed, "not symmetric");
        MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> cholesky;
        try
        {
            cholesky = g2.Cholesky();
        }
        catch (ArgumentException)
        {
            throw new InvalidInputException($"{source}: g2", allowed);
        }
        double condition = g2.ConditionNumber();
        if (!(condition < 1e12))
            throw new InvalidInputException($"{source}: g2", "must be well conditioned (condition number < 1e12); two points closer than the kernel resolves make it nearly singular", condition.ToString("G3", CultureInfo.InvariantCulture));
        return cholesky.Solve(Matrix<double>.Build.DenseIdentity(g2.RowCount));
    }

    private static (double[] Value, Dictionary<int, double> Stderr) FullTensor(CorrelatorResult input, string source)
    {
        int p = input.Points.Count;
        var full = new double[p * p * p * p];
        var seen = new bool[full.Length];
        var stderr = new Dictionary<int, double>();
        foreach (var e in input.G4)
        {
            if (e.Index.Count != 4 || e.Index.Any(i => i < 0 || i >= p))
                throw new InvalidInputException($"{source}: g4", $"every index must be 4 point indices in 0..{p - 1}", string.Join(",", e.Index));
            var t = e.Index.Order().ToArray();
            stderr[Flat(p, t[0], t[1], t[2], t[3])] = e.ConnectedStderr;
            foreach (var perm in Permutations(t))
            {
                full[Flat(p, perm[0], perm[1], perm[2], perm[3])] = e.Connected;
                seen[Flat(p, perm[0], perm[1], perm[2], perm[3])] = true;
            }
        }
        int missing = Array.IndexOf(seen, false);
        if (missing >= 0)
        {
            int a = missing / (p * p * p), b = missing / (p * p) % p, c = missing / p % p, d = missing % p;
            var t = new[] { a, b, c, d }.Order();
            throw new InvalidInputException($"{source}: g4", "must list every tuple i <= j <= k <= l over the points (sample, merge or theory with --g4 all)", $"no entry for {string.Join(",", t)}");
        }
        return (full, stderr);
    }

    /// <summary>T_abcd = sum_ijkl G_ijkl K_ia K_jb K_kc K_ld, one index at a time (O(P^5)).</summary>
    private static double[] Amputate(double[] tensor, Matrix<double> k, int p)
    {
        var current = tensor;
        for (int slot = 0; slot < 4; slot++)
        {
            var next = new double[current.Length];
            int stride = slot switch { 0 => p * p * p, 1 => p * p, 2 => p, _ => 1 };
            for (int flat = 0; flat < current.Length; flat++)
            {
                int index = flat / stride % p, rest = flat - index * stride;
                double s = 0;
                for (int i = 0; i < p; i++) s += current[rest + i * stride] * k[i, index];
                next[flat] = s;
            }
            current = next;
        }
        return current;
    }

    /// <summary>Variance of V4 from the G4c standard errors: dV4_abcd / dG4c_t = - sum over the distinct orderings of t of K K K K.</summary>
    private static double[] FromFourPoint(int[][] tuples, Dictionary<int, double> stderr, Matrix<double> k, int p)
    {
        var variance = new double[tuples.Length];
        var perms = tuples.Select(t => Permutations(t).ToArray()).ToArray();
        var se = tuples.Select(t => stderr[Flat(p, t[0], t[1], t[2], t[3])]).ToArray();
        Parallel.For(0, tuples.Length, q =>
        {
            var (a, b, c, d) = (tuples[q][0], tuples[q][1], tuples[q][2], tuples[q][3]);
            double v = 0;
            for (int s = 0; s < tuples.Length; s++)
            {
                if (se[s] == 0) continue;
                double derivative = 0;
                foreach (var o in perms[s]) derivative += k[o[0], a] * k[o[1], b] * k[o[2], c] * k[o[3], d];
                v += derivative * derivative * se[s] * se[s];
            }
            variance[q] = v;
        });
        return variance;
    }

    /// <summary>
    /// Adds the variance from the G2 standard errors: with dK = -K dG2 K, dV4_abcd = - sum_mn dG2_mn (K_an V4_mbcd +
    /// K_bn V4_amcd + K_cn V4_abmd + K_dn V4_abcm), and an off-diagonal G2_mn moves both (m, n) and (n, m).
    /// </summary>
    private static void AddFromTwoPoint(double[] variance, int[][] tuples, IReadOnlyList<IReadOnlyList<double>> stderr, double[] vertex, Matrix<double> k, int p)
    {
        double Slot(int m, int n, int a, int b, int c, int d) =>
            k[a, n] * vertex[Flat(p, m, b, c, d)] + k[b, n] * vertex[Flat(p, a, m, c, d)]
            + k[c, n] * vertex[Flat(p, a, b, m, d)] + k[d, n] * vertex[Flat(p, a, b, c, m)];
        for (int q = 0; q < tuples.Length; q++)
        {
            var (a, b, c, d) = (tuples[q][0], tuples[q][1], tuples[q][2], tuples[q][3]);
            for (int m = 0; m < p; m++)
                for (int n = m; n < p; n++)
                {
                    double se = stderr[m][n];
                    if (se == 0) continue;
                    double derivative = -Slot(m, n, a, b, c, d) - (m != n ? Slot(n, m, a, b, c, d) : 0);
                    variance[q] += derivative * derivative * se * se;
                }
        }
    }

    private static int Flat(int p, int a, int b, int c, int d) => ((a * p + b) * p + c) * p + d;

    /// <summary>The distinct orderings of a sorted tuple.</summary>
    private static IEnumerable<int[]> Permutations(int[] sorted)
    {
        var seen = new HashSet<(int, int, int, int)>();
        foreach (var o in AllOrders)
        {
            var key = (sorted[o[0]], sorted[o[1]], sorted[o[2]], sorted[o[3]]);
            if (seen.Add(key)) yield return [key.Item1, key.Item2, key.Item3, key.Item4];
        }
    }

    private static readonly int[][] AllOrders =
        (from a in Enumerable.Range(0, 4)
         from b in Enumerable.Range(0, 4)
         from c in Enumerable.Range(0, 4)
         from d in Enumerable.Range(0, 4)
         where a != b && a != c && a != d && b != c && b != d && c != d
         select new[] { a, b, c, d }).ToArray();
}
