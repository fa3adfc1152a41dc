// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using NnQft.Model;
using NnQft.Numerics.MonteCarlo;
using NnQft.Numerics.Sampling;

namespace NnQft.Benchmarks;

/// <summary>
/// Networks per second of bruteforce and exact on the embedded default (8 points, d = 2, T = 4,
/// D = d_k = d_v = 256), through the whole Monte Carlo pipeline (sampling, products, exact accumulation) on 1 and
/// 2 threads. One operation is one network, so the Op/s column reads directly as networks/s.
/// Run: dotnet run -c Release --project tests/NnQft.Benchmarks -- --filter '*SamplerThroughput*'
/// </summary>
[Config(typeof(Config))]
public class SamplerThroughput
{
    private const int ExactNetworks = 4096;
    private const int BruteForceNetworks = 256;

    [Params(1, 2)]
    public int Threads { get; set; }

    [Benchmark(OperationsPerInvoke = ExactNetworks)]
    public double Exact() => Run(SamplingMethod.Exact, ExactNetworks);

    [Benchmark(OperationsPerInvoke = BruteForceNetworks)]
    public double BruteForce() => Run(SamplingMethod.BruteForce, BruteForceNetworks);

    private double Run(SamplingMethod method, long networks) =>
        MonteCarloSampler.Sample(new SampleOptions(Architecture.Default, PointSet.Default)
        {
            Networks = networks, Method = method, Threads = Threads, Seed = 1,
        }).Result.G2.Value[0][0];

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun.WithWarmupCount(1).WithIterationCount(5));
            AddColumn(StatisticColumn.OperationsPerSecond);
        }
    }
}
