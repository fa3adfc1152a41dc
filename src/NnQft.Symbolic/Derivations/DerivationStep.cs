// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>One recorded step of a derivation: what was done, and the expression it produced.</summary>
public sealed record DerivationStep(string Description, Expr Expression);
