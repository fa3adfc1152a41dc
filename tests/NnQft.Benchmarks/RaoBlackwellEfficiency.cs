// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NnQft.Hybrid.RaoBlackwell;
using NnQft.Model;
using NnQft.Numerics.MonteCarlo;
using NnQft.Numerics.Results;
using NnQft.Numerics.Sampling;

namespace NnQft.Benchmarks;

/// <summary>
/// Work-normalised variance of the connected G4 on the embedded default (8 points, 330 entries), raoBlackwell
/// against plain averaging over exact networks, side by side (one thread each). BenchmarkDotNet times one network
/// of each method through the whole pipeline; the extra columns multiply that time by the per-network variance
/// n * stderr^2 of every G4c entry (from one fixed-seed run of each method in the host process) and report the
/// ratio exact / raoBlackwell: its minimum over the 330 entries, its median, and at (0,0,1,1). Target: >= 100.
/// Run: dotnet run -c Release --project tests/NnQft.Benchmarks -- --filter '*RaoBlackwellEfficiency*'
/// </summary>
[Config(typeof(Config))]
public class RaoBlackwellEfficiency
{
    private const int ExactNetworks = 2048;
    private const int RaoBlackwellNetworks = 1024;

    // Networks of the variance runs (fixed seeds); enough that the per-network variance is known to a few percent.
    private const int VarianceExactNetworks = 40_000;
    private const int VarianceRaoBlackwellNetworks = 8_000;

    private static readonly Lazy<SampleOptions> RaoBlackwellOptions = new(() =>
        RaoBlackwellSampling.Options(new SampleOptions(Architecture.Default, PointSet.Default) { Threads = 1 }));

    private static readonly Lazy<double[]> ExactVariance = new(() => PerNetworkVariance(
        MonteCarloSampler.Sample(new SampleOptions(Architecture.Default, PointSet.Default) { Networks = VarianceExactNetworks, Seed = 11, Threads = 2 }).Result));

    private static readonly Lazy<double[]> RaoBlackwellVariance = new(() => PerNetworkVariance(
        MonteCarloSampler.Sample(RaoBlackwellOptions.Value with { Networks = VarianceRaoBlackwellNetworks, Seed = 12, Threads = 2 }).Result));

    [Benchmark(Baseline = true, OperationsPerInvoke = ExactNetworks)]
    public double Exact() => MonteCarloSampler.Sample(new SampleOptions(Architecture.Default, PointSet.Default)
    {
        Networks = ExactNetworks, Seed = 1, Threads = 1,
    }).Result.G4[0].Connected;

    [Benchmark(OperationsPerInvoke = RaoBlackwellNetworks)]
    public double RaoBlackwell() =>
        MonteCarloSampler.Sample(RaoBlackwellOptions.Value with { Networks = RaoBlackwellNetworks, Seed = 1 }).Result.G4[0].Connected;

    private static double[] PerNetworkVariance(CorrelatorResult r) =>
        r.G4.Select(e => e.ConnectedStderr * e.ConnectedStderr * r.Samples).ToArray();

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun.WithWarmupCount(1).WithIterationCount(5));
            AddColumn(new GainColumn("G4c gain min", g => g.Min()));
            AddColumn(new GainColumn("G4c gain median", g => g.Order().ElementAt(g.Length / 2)));
            AddColumn(new GainColumn("G4c gain (0,0,1,1)", g => g[QuadIndex(0, 0, 1, 1)]));
        }
    }

    private static int QuadIndex(params int[] quad)
    {
        var quads = ObservationOrder.Quads(PointSet.Default.Count);
        for (int q = 0; q < quads.Count; q++)
            if (quads[q].SequenceEqual(quad)) return q;
        throw new InvalidOperationException("no such quad");
    }

    /// <summary>(exact variance x exact seconds per network) / (same for raoBlackwell), summarised over the G4c entries.</summary>
    private sealed class GainColumn(string name, Func<double[], double> reduce) : IColumn
    {
        public string Id => nameof(GainColumn) + name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "work-normalised variance of G4c, exact / raoBlackwell (stderr^2 * seconds)";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            if (benchmarkCase.Descriptor.WorkloadMethod.Name != nameof(RaoBlackwell)) return "1";
            var exactCase = summary.BenchmarksCases.FirstOrDefault(c => c.Descriptor.WorkloadMethod.Name == nameof(Exact));
            double? tExact = exactCase is null ? null : summary[exactCase]?.ResultStatistics?.Mean;
            double? tRb = summary[benchmarkCase]?.ResultStatistics?.Mean;
            if (tExact is null || tRb is null) return "?";
            var ve = ExactVariance.Value;
            var vr = RaoBlackwellVariance.Value;
            var gains = ve.Select((v, q) => v * tExact.Value / (vr[q] * tRb.Value)).ToArray();
            return reduce(gains).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
