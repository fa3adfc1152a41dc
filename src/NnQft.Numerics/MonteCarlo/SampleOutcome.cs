// SPDX-License-Identifier: MIT
using NnQft.Numerics.Results;

namespace NnQft.Numerics.MonteCarlo;

/// <summary>A Monte Carlo result with its exact, mergeable accumulator state (compressed, base64).</summary>
public sealed record SampleOutcome(CorrelatorResult Result, string State)
{
    /// <summary>The result JSON with the <c>state</c> key, as <c>sample</c> and <c>merge</c> write it.</summary>
    public string ToJson() => CorrelatorResultJson.Write(Result, State);
}
