// SPDX-License-Identifier: MIT
using NnQft.Model;

namespace NnQft.Hybrid.Theory;

/// <summary>Options of <see cref="TheoryEvaluator"/> (the <c>theory</c> command).</summary>
/// <param name="Samples">Logit samples for the four-point attention moments.</param>
/// <param name="Seed">Seed of the logit Monte Carlo (blocks of samples use the stream (seed, block)).</param>
/// <example><code>var options = new TheoryOptions(Samples: 1_000_000, Seed: 7); // more logit samples for the four-point moments</code></example>
public sealed record TheoryOptions(long Samples = 200_000, ulong Seed = 1)
{
    /// <summary>
    /// The G4 tuples to evaluate (docs/cli.md section 5): every sorted tuple by default, none for G2 alone, or a list.
    /// The cost of the logit Monte Carlo grows with the moments these tuples need, not with C(P + 3, 4).
    /// </summary>
    /// <example><code>var g2Only = new TheoryOptions(Samples: 2) { G4 = TupleSelection.None(4) };</code></example>
    public TupleSelection G4 { get; init; } = TupleSelection.All(4);

    /// <summary>
    /// Six-point tuples (<c>--g6 FILE</c>): G6 and G6c from the engine's order-6 derivation, with the six-point attention
    /// moments M6 by the same logit Monte Carlo. None by default.
    /// </summary>
    /// <example><code>var options = new TheoryOptions() { G6 = TupleSelection.Of([[0, 0, 0, 0, 1, 1]], 6, 8, "--g6") };</code></example>
    public TupleSelection G6 { get; init; } = TupleSelection.None(6);
}
