// SPDX-License-Identifier: MIT
namespace NnQft.Hybrid.Proofs;

/// <summary>A rendered document: its Markdown text and the steps that did not check (empty when all did).</summary>
/// <param name="FileName">File name inside proofs/.</param>
/// <param name="Markdown">The document text (LF line endings, trailing newline).</param>
/// <param name="Failures">One line per failed step: file, step number, reason.</param>
/// <example><code>RenderedProof r = ProofRenderer.Render(new ProofDocument("double.md", "Doubling", "2x = x + x.", [StepChecks.Equation("by the canonical sum", "2x", 2 * Sym.Var("x"), Sym.Var("x") + Sym.Var("x"))])); File.WriteAllText(r.FileName, r.Markdown);</code></example>
public sealed record RenderedProof(string FileName, string Markdown, IReadOnlyList<string> Failures);
