// SPDX-License-Identifier: MIT
namespace NnQft.Hybrid.Proofs;

/// <summary>
/// One step of a proof document: a justification in words, the equation in LaTeX (displayed between $$ ... $$)
/// and the check that establishes it. The check runs when the document is rendered, so a document can only be
/// written together with the evidence for every one of its steps.
/// </summary>
/// <param name="Justification">What the step does, in words.</param>
/// <param name="Latex">The equation (or aligned chain of equations) in LaTeX, without the $$ delimiters.</param>
/// <param name="Check">Runs the check (deterministically: fixed seeds, fixed points).</param>
/// <example><code>var step = new ProofStep("checked numerically", "e^{0} = 1", () =&gt; new ProofCheck(Math.Exp(0) == 1, "numeric"));</code></example>
public sealed record ProofStep(string Justification, string Latex, Func<ProofCheck> Check);
