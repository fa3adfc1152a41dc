// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>One recorded step of a derivation: what was done, and the expression it produced.</summary>
/// <example><code>foreach (DerivationStep step in Derive.Correlator(Architecture.Default, 2, connected: false).Steps) Console.WriteLine($"{step.Description}: {step.Expression}");</code></example>
public sealed record DerivationStep(string Description, Expr Expression);
