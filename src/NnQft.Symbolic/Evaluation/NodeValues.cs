// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// Numeric values of the opaque nodes, shared by the interpreter and compiled code: each node type has its own
/// method, so nothing dispatches on a name at run time. Arguments arrive evaluated (point symbols usually carry
/// 1-based point numbers). Override what an expression needs; the rest throws, naming the node.
/// </summary>
/// <example><code>
/// sealed class Unit : NodeValues { public override double Kernel(double token, double a, double b) =&gt; a == b ? 1 : 0.5; }
/// </code></example>
public abstract class NodeValues
{
    /// <summary>k_token(a, b); token 0 is the query kernel.</summary>
    /// <example><code>double k = new HashedNodeValues(1).Kernel(1, 1, 2);</code></example>
    public virtual double Kernel(double token, double a, double b) =>
        throw new InvalidOperationException($"no value for the kernel k{token}({a}, {b})");

    /// <summary>E[prod_k A_{t_k}(x_k)]: <paramref name="factors"/> holds the n tokens, then the n points.</summary>
    /// <example><code>double m = new HashedNodeValues(1).AttentionMoment(2, NodeArguments.Of(1, 1, 1, 2)); // M2(1, x1, x2)</code></example>
    public virtual double AttentionMoment(int degree, NodeArguments factors) =>
        throw new InvalidOperationException($"no value for the attention moment of degree {degree} at ({string.Join(", ", factors.ToArray())})");

    /// <summary>A named opaque function (<see cref="Apply"/>) or a random variable left outside an expectation (indices, then points).</summary>
    /// <example><code>double f = new HashedNodeValues(1).Function("f", NodeArguments.Of(2.0));</code></example>
    public virtual double Function(string name, NodeArguments args) =>
        throw new InvalidOperationException($"no value for the function {name}({string.Join(", ", args.ToArray())})");

    /// <summary>No opaque node has a value.</summary>
    /// <example><code>NodeValues none = NodeValues.None;</code></example>
    public static NodeValues None { get; } = new NoValues();

    private sealed class NoValues : NodeValues;
}

/// <summary>
/// Deterministic pseudo-random values in [0.5, 1.5) for every opaque node, keyed by node type and arguments: what
/// numeric equality checks use so that two expressions agree only if they use the same opaque values.
/// </summary>
/// <example><code>var values = new HashedNodeValues(salt: 7); double k = values.Kernel(1, 1, 2); // same value every time</code></example>
public sealed class HashedNodeValues(int salt) : NodeValues
{
    /// <inheritdoc />
    public override double Kernel(double token, double a, double b) => Hash("k", NodeArguments.Of(token, a, b));

    /// <inheritdoc />
    public override double AttentionMoment(int degree, NodeArguments factors) => Hash("M", factors);

    /// <inheritdoc />
    public override double Function(string name, NodeArguments args) => Hash(name, args);

    /// <summary>The value for an opaque expression such as an expectation, keyed by its text.</summary>
    /// <example><code>double e = new HashedNodeValues(1).Opaque(Sym.Var("x"));</code></example>
    public double Opaque(Expr node) => Hash(TextPrinter.Print(node), default);

    private double Hash(string key, NodeArguments args)
    {
        ulong h = 1469598103934665603UL ^ (ulong)salt;
        foreach (char ch in key) { h ^= ch; h *= 1099511628211UL; }
        for (int k = 0; k < args.Count; k++) { h ^= (ulong)BitConverter.DoubleToInt64Bits(args[k]); h *= 1099511628211UL; }
        h ^= h >> 29; h *= 0xbf58476d1ce4e5b9UL; h ^= h >> 32;
        return 0.5 + (h >> 11) * (1.0 / (1UL << 53));
    }
}
