// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Numerics.MonteCarlo;
using NnQft.Numerics.Results;
using NnQft.Numerics.Sampling;

namespace NnQft.Numerics.Tests;

/// <summary>Small helpers shared by the sampler tests.</summary>
internal static class SampleRuns
{
    public static PointSet Points(params double[][] rows) => PointSet.Of(rows.Select(r => (IReadOnlyList<double>)r));

    /// <summary>Points on the first axis at the given positions, padded to dimension d.</summary>
    public static PointSet OnAxis(int d, params double[] xs) =>
        PointSet.Of(xs.Select(x => (IReadOnlyList<double>)Enumerable.Range(0, d).Select(c => c == 0 ? x : 0.0).ToArray()));

    public static CorrelatorResult Run(Architecture a, PointSet p, SamplingMethod m, long nets, ulong seed, int threads = 2) =>
        MonteCarloSampler.Sample(new SampleOptions(a, p) { Networks = nets, Seed = seed, Method = m, Threads = threads }).Result;

    /// <summary>The largest |z| over G2 and G4 (full and connected) between two independent estimates.</summary>
    public static (double MaxZ, string Where) MaxZ(CorrelatorResult a, CorrelatorResult b)
    {
        double worst = 0;
        string where = "";
        void Check(double x, double sx, double y, double sy, string name)
        {
            double z = Math.Abs(x - y) / Math.Sqrt(sx * sx + sy * sy);
            if (z > worst || double.IsNaN(z))
            {
                worst = double.IsNaN(z) ? double.PositiveInfinity : z;
                where = $"{name}: {x:G6} +- {sx:G3} vs {y:G6} +- {sy:G3}";
            }
        }
        int n = a.G2.Value.Count;
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
                Check(a.G2.Value[i][j], a.G2.Stderr[i][j], b.G2.Value[i][j], b.G2.Stderr[i][j], $"G2({i},{j})");
        for (int q = 0; q < a.G4.Count; q++)
        {
            var (x, y) = (a.G4[q], b.G4[q]);
            string idx = string.Join(",", x.Index);
            Check(x.Value, x.Stderr, y.Value, y.Stderr, $"G4({idx})");
            Check(x.Connected, x.ConnectedStderr, y.Connected, y.ConnectedStderr, $"G4c({idx})");
        }
        return (worst, where);
    }

    /// <summary>True when G2 and G4 (values, connected parts and errors) are bit-identical.</summary>
    public static bool SameBits(CorrelatorResult a, CorrelatorResult b)
    {
        if (a.Samples != b.Samples) return false;
        for (int i = 0; i < a.G2.Value.Count; i++)
            if (!a.G2.Value[i].SequenceEqual(b.G2.Value[i]) || !a.G2.Stderr[i].SequenceEqual(b.G2.Stderr[i])) return false;
        for (int q = 0; q < a.G4.Count; q++)
        {
            var (x, y) = (a.G4[q], b.G4[q]);
            if (BitConverter.DoubleToInt64Bits(x.Value) != BitConverter.DoubleToInt64Bits(y.Value)
                || BitConverter.DoubleToInt64Bits(x.Stderr) != BitConverter.DoubleToInt64Bits(y.Stderr)
                || BitConverter.DoubleToInt64Bits(x.Connected) != BitConverter.DoubleToInt64Bits(y.Connected)
                || BitConverter.DoubleToInt64Bits(x.ConnectedStderr) != BitConverter.DoubleToInt64Bits(y.ConnectedStderr)) return false;
        }
        return true;
    }
}
