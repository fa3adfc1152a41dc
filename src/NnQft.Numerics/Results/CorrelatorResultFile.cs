// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Results;

/// <summary>
/// A parsed result file: the result and its exact accumulator <see cref="State"/>, which is the empty string when
/// the file has none (a theory result, or a file from another tool), so callers never meet a null.
/// </summary>
/// <example><code>var (result, state) = CorrelatorResultJson.Read(File.ReadAllText("g.json"), source: "g.json"); bool mergeable = state.Length > 0;</code></example>
public sealed record CorrelatorResultFile(CorrelatorResult Result, string State)
{
    /// <summary>True when the file carries an accumulator state, so <c>merge</c> and checkpoint resumption can use it.</summary>
    /// <example><code>bool mergeable = CorrelatorResultJson.Read(File.ReadAllText("g.json")).HasState;</code></example>
    public bool HasState => State.Length > 0;
}
