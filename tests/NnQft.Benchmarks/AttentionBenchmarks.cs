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

/// <summary>The hard-attention orthant integral for general T.</summary>
public class HardAttentionBenchmarks
{
    [Benchmark]
    public double FiveTokens() => HardAttention.TwoPoint(5, 0.5);
}
