// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// Values for numeric evaluation: free symbols by name (point symbols x1, x2, ... usually get their 1-based
/// number so callbacks can look points up), and a callback for opaque nodes: kernels as ("k", [token, a, b]),
/// <see cref="Apply"/> as (name, args), random variables as (name, [indices..., points...]).
/// Expectations and cumulants go to <see cref="OpaqueNode"/> with bound indices already substituted.
/// </summary>
public sealed record EvaluationEnvironment(
    IReadOnlyDictionary<string, double> Symbols,
    Func<string, double[], double> Opaque,
    Func<Expr, double> OpaqueNode)
{
    /// <summary>An environment with only symbol values; opaque nodes are an error.</summary>
    public static EvaluationEnvironment OfSymbols(IReadOnlyDictionary<string, double> symbols) =>
        new(symbols, (name, _) => throw new InvalidOperationException($"no value for the opaque function {name}"),
            node => throw new InvalidOperationException($"no value for {node}"));
}
