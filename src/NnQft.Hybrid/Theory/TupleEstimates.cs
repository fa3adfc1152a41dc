// SPDX-License-Identifier: MIT
namespace NnQft.Hybrid.Theory;

/// <summary>
/// The forms of one order at listed tuples, estimated: per-tuple numbers (<see cref="TupleForms"/>), the moment
/// entries they ask for (<see cref="MomentEntries"/>) and one pass over the logit samples (<see cref="LogitPass"/>).
/// Deterministic for a seed, whatever the thread count.
/// </summary>
internal static class TupleEstimates
{
    /// <summary>Means[3 q + f] of form f at tuple q, with the standard errors of the full and connected correlator.</summary>
    public static FormEstimates Run(MomentForms forms, IReadOnlyList<IReadOnlyList<int>> tuples, LogitLaws laws, TheoryNodeValues nodes, int points, TheoryOptions options)
    {
        var registry = new MomentEntries(points);
        var numbers = TupleForms.Build(forms, tuples, nodes, registry);
        return LogitPass.Run(laws.Sampler(), registry, numbers, options.Samples, options.Seed);
    }
}
