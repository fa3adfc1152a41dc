// SPDX-License-Identifier: MIT
namespace NnQft.Hybrid.Proofs;

/// <summary>The outcome of checking one proof step: whether it holds and, in words, how that was established.</summary>
/// <param name="Passed">True when the step checked.</param>
/// <param name="Method">How it was checked (printed under the step), or why it failed.</param>
/// <example><code>ProofCheck check = StepChecks.Symbolic(Sym.Var("x") * 2, Sym.Var("x") + Sym.Var("x")); bool passed = check.Passed; // true</code></example>
public sealed record ProofCheck(bool Passed, string Method);
