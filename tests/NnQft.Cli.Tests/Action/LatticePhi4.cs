// SPDX-License-Identifier: MIT
using NnQft.Numerics.Results;

namespace NnQft.Cli.Tests.Action;

/// <summary>
/// A lattice phi^4 theory S = (1/2) phi^T K0 phi + (g/4!) sum_a phi_a^4 on two or three points, its G2 and G4c
/// integrated here by a trapezoid rule on a grid (exponentially accurate for this smooth, fast-decaying density),
/// written as a result file the action reads.
/// </summary>
internal static class LatticePhi4
{
    public static CorrelatorResult Correlators(double[,] k0, double g, int nodesPerAxis)
    {
        int p = k0.GetLength(0);
        const double half = 6.0;
        double h = 2 * half / (nodesPerAxis - 1);
        var second = new double[p, p];
        var tuples = Theory4(p);
        var fourth = new double[tuples.Count];
        double z = 0;
        var phi = new double[p];
        var index = new int[p];
        long total = (long)Math.Pow(nodesPerAxis, p);
        for (long n = 0; n < total; n++)
        {
            long rest = n;
            for (int a = 0; a < p; a++)
            {
                index[a] = (int)(rest % nodesPerAxis);
                rest /= nodesPerAxis;
                phi[a] = -half + index[a] * h;
            }
            double action = 0;
            for (int a = 0; a < p; a++)
            {
                for (int b = 0; b < p; b++) action += 0.5 * phi[a] * k0[a, b] * phi[b];
                action += g / 24 * Math.Pow(phi[a], 4);
            }
            double w = Math.Exp(-action);
            z += w;
            for (int a = 0; a < p; a++)
                for (int b = 0; b < p; b++) second[a, b] += w * phi[a] * phi[b];
            for (int q = 0; q < tuples.Count; q++)
            {
                var t = tuples[q];
                fourth[q] += w * phi[t[0]] * phi[t[1]] * phi[t[2]] * phi[t[3]];
            }
        }
        var g2 = new double[p][];
        for (int a = 0; a < p; a++)
        {
            g2[a] = new double[p];
            for (int b = 0; b < p; b++) g2[a][b] = second[a, b] / z;
        }
        var g4 = tuples.Select((t, q) =>
        {
            double m = fourth[q] / z;
            double connected = m - g2[t[0]][t[1]] * g2[t[2]][t[3]] - g2[t[0]][t[2]] * g2[t[1]][t[3]] - g2[t[0]][t[3]] * g2[t[1]][t[2]];
            return new G4Entry(t, m, 0, connected, 0);
        }).ToArray();
        var points = Enumerable.Range(0, p).Select(a => (IReadOnlyList<double>)new[] { (double)a }).ToArray();
        var zeros = Enumerable.Range(0, p).Select(_ => (IReadOnlyList<double>)new double[p]).ToArray();
        return new CorrelatorResult("lattice phi^4 by quadrature", 0, 0, points, new G2Table(g2, zeros), g4);
    }

    public static List<int[]> Theory4(int p)
    {
        var list = new List<int[]>();
        for (int a = 0; a < p; a++)
            for (int b = a; b < p; b++)
                for (int c = b; c < p; c++)
                    for (int d = c; d < p; d++) list.Add([a, b, c, d]);
        return list;
    }
}
