// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using NnQft.Hybrid.Theory;
using NnQft.Model;

namespace NnQft.Benchmarks;

/// <summary>
/// The analytic G2 of the `theory` command on the embedded default (8 points, 36 pairs): engine derivation plus
/// one F_T quadrature per distinct logit law (target: under 0.2 s).
/// </summary>
[MemoryDiagnoser]
public class TheoryBenchmarks
{
    [Benchmark]
    public double TwoPointOnTheDefault() => TheoryEvaluator.TwoPoint(Architecture.Default, PointSet.Default)[0][1];
}
