// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using NnQft.Numerics.Attention;

namespace NnQft.Benchmarks;

/// <summary>F_T(sigma^2, rho) by quadrature, one value per call (target: under 1 ms at 1e-9 relative accuracy).</summary>
[MemoryDiagnoser]
public class AttentionBenchmarks
{
    /// <summary>(T, sigma^2, rho) cases from the default architecture (T = 4, sigma^2 = 1) to the extremes.</summary>
    [Params("4/1/0.5", "4/0.01/0.5", "2/100/-1", "64/25/0.99999", "4096/1/0.5", "4096/100/0.3")]
    public string Case { get; set; } = "4/1/0.5";

    private int _tokens;
    private double _sigma2, _rho;

    [GlobalSetup]
    public void Setup()
    {
        var parts = Case.Split('/');
        _tokens = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        _sigma2 = double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        _rho = double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Benchmark]
    public double TwoPointQuadrature() => AttentionMoments.TwoPoint(_tokens, _sigma2, _rho);
}

/// <summary>
/// F_T over the whole validated range, one value per operation: T in {2, 4, 16, 64, 256, 4096} x sigma^2 in
/// {0.01, 0.1, 1, 4, 25, 100} x rho in {-1, -0.5, 0, 0.5, 0.9, 0.99999, 1} (252 values). The mean per value is
/// dominated by the hardest corners (wide logits with rho near -1, where F is as small as 1e-30).
/// </summary>
public class AttentionGridBenchmarks
{
    private const int Values = 252;
    private static readonly int[] Tokens = [2, 4, 16, 64, 256, 4096];
    private static readonly double[] Variances = [0.01, 0.1, 1, 4, 25, 100];
    private static readonly double[] Correlations = [-1, -0.5, 0, 0.5, 0.9, 0.99999, 1];

    [Benchmark(OperationsPerInvoke = Values)]
    public double WholeRange()
    {
        double sum = 0;
        foreach (int tokens in Tokens)
            foreach (double sigma2 in Variances)
                foreach (double rho in Correlations)
                    sum += AttentionMoments.TwoPoint(tokens, sigma2, rho);
        return sum;
    }
}

/// <summary>The hard-attention orthant integral for general T.</summary>
public class HardAttentionBenchmarks
{
    [Benchmark]
    public double FiveTokens() => HardAttention.TwoPoint(5, 0.5);
}
