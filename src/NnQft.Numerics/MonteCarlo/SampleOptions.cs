// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Numerics.Sampling;

namespace NnQft.Numerics.MonteCarlo;

/// <summary>What <see cref="MonteCarloSampler.Sample"/> runs (the options of <c>nnqft sample</c>).</summary>
/// <example><code>var o = new SampleOptions(Architecture.Default, PointSet.Default) { Networks = 20_000, Threads = 2 };</code></example>
public sealed record SampleOptions(Architecture Architecture, PointSet Points)
{
    /// <summary>Default number of networks.</summary>
    public const long DefaultNetworks = 10_000;

    /// <summary>Total networks N over all shards (network indices 0..N-1).</summary>
    public long Networks { get; init; } = DefaultNetworks;

    /// <summary>The seed; with the network index it fixes each network's random stream.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The sampler.</summary>
    public SamplingMethod Method { get; init; } = SamplingMethod.Exact;

    /// <summary>Worker threads (never changes the result).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Blocks a worker claims at a time (never changes the result).</summary>
    public int BlocksPerBatch { get; init; } = 1;

    /// <summary>This process's slice: shard <see cref="ShardIndex"/> (1-based) of <see cref="ShardCount"/>.</summary>
    public int ShardIndex { get; init; } = 1;

    /// <summary>Number of shards the network indices are split into.</summary>
    public int ShardCount { get; init; } = 1;

    /// <summary>Checkpoint file (resumed from when it exists), or null for none.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Time between checkpoint writes.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// For <see cref="SamplingMethod.RaoBlackwell"/> (required then, refused otherwise): makes one per-network
    /// observation producer per worker thread, given the options being run (seed, points). NnQft.Hybrid's
    /// <c>RaoBlackwellSampling.Options</c> supplies it.
    /// </summary>
    public Func<SampleOptions, IObservationSampler>? ObservationSamplers { get; init; }

    /// <summary>Called from worker threads after each block with (networks done, networks in this shard).</summary>
    public Action<long, long>? Progress { get; init; }
}
