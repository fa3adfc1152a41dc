// SPDX-License-Identifier: MIT
using NnQft.Numerics.Results;

namespace NnQft.Numerics.MonteCarlo;

/// <summary>A Monte Carlo result with its exact, mergeable accumulator state (compressed, base64).</summary>
/// <example><code>
/// SampleOutcome o = MonteCarloSampler.Sample(new SampleOptions(Architecture.Default, PointSet.Default) { Networks = 256 });
/// CorrelatorResult r = o.Result; string state = o.State; // state merges exactly with other shards
/// </code></example>
public sealed record SampleOutcome(CorrelatorResult Result, string State)
{
    /// <summary>The result JSON with the <c>state</c> key, as <c>sample</c> and <c>merge</c> write it.</summary>
    /// <example><code>File.WriteAllText("shard1.json", MonteCarloSampler.Sample(new SampleOptions(Architecture.Default, PointSet.Default) { Networks = 256 }).ToJson());</code></example>
    public string ToJson() => CorrelatorResultJson.Write(Result, State);
}
