// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Numerics.Sampling;

namespace NnQft.Numerics.MonteCarlo;

/// <summary>What <see cref="MonteCarloSampler.Sample"/> runs (the options of <c>nnqft sample</c>).</summary>
/// <example><code>var o = new SampleOptions(Architecture.Default, PointSet.Default) { Networks = 20_000, Threads = 2 };</code></example>
public sealed record SampleOptions(Architecture Architecture, PointSet Points)
{
    /// <summary>Default number of networks.</summary>
    /// <example><code>bool same = new SampleOptions(Architecture.Default, PointSet.Default).Networks == SampleOptions.DefaultNetworks; // true</code></example>
    public const long DefaultNetworks = 10_000;

    /// <summary>Total networks N over all shards (network indices 0..N-1).</summary>
    /// <example><code>var o = new SampleOptions(Architecture.Default, PointSet.Default) { Networks = 100_000 };</code></example>
    public long Networks { get; init; } = DefaultNetworks;

    /// <summary>The seed; with the network index it fixes each network's random stream.</summary>
    /// <example><code>var o = new SampleOptions(Architecture.Default, PointSet.Default) { Seed = 42 };</code></example>
    public ulong Seed { get; init; } = 1;

    /// <summary>The sampler.</summary>
    /// <example><code>var o = new SampleOptions(Architecture.Default, PointSet.Default) { Method = SamplingMethod.BruteForce };</code></example>
    public SamplingMethod Method { get; init; } = SamplingMethod.Exact;

    /// <summary>
    /// The G4 tuples to estimate (<c>--g4 all|none|FILE</c>, docs/cli.md section 5): G2 is always estimated; the cost
    /// and memory of a run grow with the tuples selected.
    /// </summary>
    /// <example><code>var g2Only = new SampleOptions(Architecture.Default, PointSet.Default) { G4 = TupleSelection.None(4) };</code></example>
    public TupleSelection G4 { get; init; } = TupleSelection.All(4);

    /// <summary>
    /// The six-point tuples to estimate (<c>--g6 FILE</c>, docs/cli.md section 5): G6 and its connected part for each,
    /// in the result's <c>g6</c>. None by default.
    /// </summary>
    /// <example><code>var o = new SampleOptions(Architecture.Default, PointSet.Default) { G6 = TupleSelection.Of([[0, 0, 0, 0, 0, 0]], 6, 8, "--g6") };</code></example>
    public TupleSelection G6 { get; init; } = TupleSelection.None(6);

    /// <summary>Worker threads (never changes the result).</summary>
    /// <example><code>var o = new SampleOptions(Architecture.Default, PointSet.Default) { Threads = Environment.ProcessorCount };</code></example>
    public int Threads { get; init; } = 1;

    /// <summary>Blocks a worker claims at a time (never changes the result).</summary>
    /// <example><code>var o = new SampleOptions(Architecture.Default, PointSet.Default) { Threads = 2, BlocksPerBatch = 4 };</code></example>
    public int BlocksPerBatch { get; init; } = 1;

    /// <summary>This process's slice: shard <see cref="ShardIndex"/> (1-based) of <see cref="ShardCount"/>.</summary>
    /// <example><code>var shard3of10 = new SampleOptions(Architecture.Default, PointSet.Default) { Networks = 1_000_000, ShardIndex = 3, ShardCount = 10 };</code></example>
    public int ShardIndex { get; init; } = 1;

    /// <summary>Number of shards the network indices are split into.</summary>
    /// <example><code>var o = new SampleOptions(Architecture.Default, PointSet.Default) { ShardCount = 10 };</code></example>
    public int ShardCount { get; init; } = 1;

    /// <summary>Checkpoint file (resumed from when it exists), or null for none.</summary>
    /// <example><code>var o = new SampleOptions(Architecture.Default, PointSet.Default) { CheckpointPath = "run.ckpt.json" };</code></example>
    public string? CheckpointPath { get; init; }

    /// <summary>Time between checkpoint writes.</summary>
    /// <example><code>var o = new SampleOptions(Architecture.Default, PointSet.Default) { CheckpointPath = "run.ckpt.json", CheckpointInterval = TimeSpan.FromMinutes(5) };</code></example>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// For <see cref="SamplingMethod.RaoBlackwell"/> (required then, refused otherwise): makes one per-network
    /// observation producer per worker thread, given the options being run (seed, points). NnQft.Hybrid's
    /// <c>RaoBlackwellSampling.Options</c> supplies it.
    /// </summary>
    /// <example><code>var o = RaoBlackwellSampling.Options(new SampleOptions(Architecture.Default, PointSet.Default)); // sets ObservationSamplers</code></example>
    public Func<SampleOptions, IObservationSampler>? ObservationSamplers { get; init; }

    /// <summary>
    /// Stops the run early (SIGINT/SIGTERM in the command line): workers drop the blocks they are in, the checkpoint
    /// (when set) is written with every whole block done, and <see cref="MonteCarloSampler.Sample"/> throws
    /// <see cref="OperationCanceledException"/>. Rerunning the same options resumes to the uninterrupted result.
    /// </summary>
    /// <example><code>using var stop = new CancellationTokenSource(TimeSpan.FromHours(1)); var o = new SampleOptions(Architecture.Default, PointSet.Default) { Cancellation = stop.Token };</code></example>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Called from worker threads after each block with (networks done, networks in this shard).</summary>
    /// <example><code>var o = new SampleOptions(Architecture.Default, PointSet.Default) { Progress = (done, total) =&gt; Console.Error.Write($"\r{done}/{total}") };</code></example>
    public Action<long, long>? Progress { get; init; }
}
