// SPDX-License-Identifier: MIT
namespace NnQft.Hybrid.Theory;

/// <summary>Options of <see cref="TheoryEvaluator"/> (the <c>theory</c> command).</summary>
/// <param name="Samples">Logit samples for the four-point attention moments.</param>
/// <param name="Seed">Seed of the logit Monte Carlo (blocks of samples use the stream (seed, block)).</param>
/// <example><code>var options = new TheoryOptions(Samples: 1_000_000, Seed: 7); // more logit samples for the four-point moments</code></example>
public sealed record TheoryOptions(long Samples = 200_000, ulong Seed = 1);
