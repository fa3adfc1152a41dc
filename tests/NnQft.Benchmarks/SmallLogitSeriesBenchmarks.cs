// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using NnQft.Symbolic;

namespace NnQft.Benchmarks;

/// <summary>
/// The symbolic-T small-logit series of F_T derived from scratch (no cache), per order (target: order 8 under 2 s),
/// and the fixed-T substitution the CLI does on top of the cached series.
/// Run: dotnet run -c Release --project tests/NnQft.Benchmarks -- --filter '*SmallLogitSeriesBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class SmallLogitSeriesBenchmarks
{
    /// <summary>Highest power of sigma kept.</summary>
    [Params(4, 6, 8, 10)]
    public int Order { get; set; } = 8;

    /// <summary>The whole derivation for symbolic T.</summary>
    [Benchmark]
    public IReadOnlyList<Expr> DeriveSymbolicT() => SmallLogitSeries.DeriveCoefficients(Order);

    /// <summary>T = 4096 substituted into the (cached) symbolic series and expanded.</summary>
    [Benchmark]
    public Expr SubstituteT4096() => SmallLogitSeries.TwoPoint(Order, 4096);
}
