// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Numerics.Results;

namespace NnQft.Hybrid.Theory;

/// <summary>
/// G6 and G6c at listed six-tuples (docs/theory.md section 11): the engine's order-6 derivation, its coefficients of
/// the sampled moments collected symbolically (<see cref="MomentForms"/>), with the six-point moments M6 and the
/// four-point moments M4 at six points from the same one-pass logit Monte Carlo as G4.
/// </summary>
internal static class SixPointEvaluation
{
    /// <summary>The G6 entries of <paramref name="selection"/>, in its order.</summary>
    public static IReadOnlyList<G6Entry> Evaluate(Architecture limit, LogitLaws laws, TheoryNodeValues nodes, int points, TupleSelection selection, TheoryOptions options)
    {
        var tuples = selection.Tuples(points, nameof(options.G6));
        if (tuples.Count == 0) return [];
        var estimates = TupleEstimates.Run(DerivedForms.Of(limit, 6), tuples, laws, nodes, points, options);
        return tuples.Select((t, i) =>
        {
            double full = estimates.Means[3 * i], connected = estimates.Means[3 * i + 1] + estimates.Means[3 * i + 2];
            return new G6Entry(t, full, estimates.FullStderr[i], connected, estimates.ConnectedStderr[i]);
        }).ToArray();
    }
}
