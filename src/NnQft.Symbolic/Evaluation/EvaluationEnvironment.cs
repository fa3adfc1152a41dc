// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// Values for the interpreter: free symbols by name (point symbols x1, x2, ... usually get their 1-based number so
/// node values can look points up), the values of the typed opaque nodes (<see cref="NodeValues"/>), and
/// <see cref="OpaqueNode"/> for expectations and cumulants (bound indices already substituted).
/// </summary>
/// <example><code>
/// var env = new EvaluationEnvironment(new Dictionary&lt;string, double&gt; { ["x1"] = 1, ["x2"] = 2 }, new HashedNodeValues(1), node =&gt; 0);
/// </code></example>
public sealed record EvaluationEnvironment(
    IReadOnlyDictionary<string, double> Symbols,
    NodeValues Nodes,
    Func<Expr, double> OpaqueNode)
{
    /// <summary>An environment with only symbol values; opaque nodes are an error.</summary>
    /// <example><code>var env = EvaluationEnvironment.OfSymbols(new Dictionary&lt;string, double&gt; { ["x"] = 0.5 });</code></example>
    public static EvaluationEnvironment OfSymbols(IReadOnlyDictionary<string, double> symbols) =>
        new(symbols, NodeValues.None, node => throw new InvalidOperationException($"no value for {node}"));
}
