// SPDX-License-Identifier: MIT
namespace NnQft.Hybrid.Proofs;

/// <summary>One Markdown document of proofs/: a title, the statement proved, and the chain of checked steps.</summary>
/// <param name="FileName">File name inside proofs/ (e.g. two-point.md).</param>
/// <param name="Title">The heading.</param>
/// <param name="Statement">What is proved and for which architecture, in Markdown.</param>
/// <param name="Steps">The steps in order.</param>
/// <example><code>
/// var doc = new ProofDocument("double.md", "Doubling", "2x = x + x.",
/// [StepChecks.Equation("by the canonical sum", "2x", 2 * Sym.Var("x"), Sym.Var("x") + Sym.Var("x"))]);
/// </code></example>
public sealed record ProofDocument(string FileName, string Title, string Statement, IReadOnlyList<ProofStep> Steps);
