// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using NnQft.Hybrid.Theory;
using NnQft.Model;
using NnQft.Numerics.Results;

namespace NnQft.Benchmarks;

/// <summary>
/// Issue 11's targets for <c>theory</c> on seeded random points in [-1, 1]^2 (the embedded default architecture, so
/// evaluated at D = d_k = inf; 10,000 logit samples; G2 and every G4 tuple): 32 points at most 3 times the time of
/// 8 points (the Ratio column), and 64 points (766,480 tuples) in under a minute, with memory bounded by the tuples
/// asked for (the Allocated column).
/// Run: dotnet run -c Release --project tests/NnQft.Benchmarks -- --filter '*TheoryScaling*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class TheoryScalingBenchmarks
{
    private static readonly TheoryOptions Options = new(Samples: 10_000, Seed: 1);
    private readonly PointSet eight = RandomPoints(8), thirtyTwo = RandomPoints(32), sixtyFour = RandomPoints(64);

    /// <summary>8 points: 330 tuples.</summary>
    [Benchmark(Baseline = true)]
    public CorrelatorResult EightPoints() => TheoryEvaluator.Evaluate(Architecture.Default, eight, Options);

    /// <summary>32 points: 58,905 tuples. Target: Ratio at most 3.</summary>
    [Benchmark]
    public CorrelatorResult ThirtyTwoPoints() => TheoryEvaluator.Evaluate(Architecture.Default, thirtyTwo, Options);

    /// <summary>64 points: 766,480 tuples. Target: under a minute.</summary>
    [Benchmark]
    public CorrelatorResult SixtyFourPoints() => TheoryEvaluator.Evaluate(Architecture.Default, sixtyFour, Options);

    private static PointSet RandomPoints(int count)
    {
        var rng = new Random(count);
        return PointSet.Of(Enumerable.Range(0, count).Select(_ => (IReadOnlyList<double>)[2 * rng.NextDouble() - 1, 2 * rng.NextDouble() - 1]).ToArray());
    }
}
