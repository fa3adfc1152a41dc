// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// Values for numeric evaluation: free symbols by name (point symbols x1, x2, ... usually get their 1-based
/// number so callbacks can look points up), and a callback for opaque nodes: kernels as ("k", [token, a, b]),
/// <see cref="Apply"/> as (name, args), random variables as (name, [indices..., points...]).
/// Expectations and cumulants go to <see cref="OpaqueNode"/> with bound indices already substituted.
/// </summary>
/// <example><code>
/// var env = new EvaluationEnvironment(new Dictionary&lt;string, double&gt; { ["x1"] = 1, ["x2"] = 2 },
/// (name, args) =&gt; name == "k" ? Math.Exp(-Math.Abs(args[1] - args[2])) : 0, node =&gt; 0);
/// </code></example>
public sealed record EvaluationEnvironment(
    IReadOnlyDictionary<string, double> Symbols,
    Func<string, double[], double> Opaque,
    Func<Expr, double> OpaqueNode)
{
    /// <summary>An environment with only symbol values; opaque nodes are an error.</summary>
    /// <example><code>var env = EvaluationEnvironment.OfSymbols(new Dictionary&lt;string, double&gt; { ["x"] = 0.5 });</code></example>
    public static EvaluationEnvironment OfSymbols(IReadOnlyDictionary<string, double> symbols) =>
        new(symbols, (name, _) => throw new InvalidOperationException($"no value for the opaque function {name}"),
            node => throw new InvalidOperationException($"no value for {node}"));
}
