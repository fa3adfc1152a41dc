// SPDX-License-Identifier: MIT

namespace NnQft.Symbolic;

/// <summary>
/// An opaque random quantity with indices and point arguments: the readout a_{h,i}, values v_{h,t,i}(x),
/// attention weights A_{h,t}(x), Grams G_{h,t,u}(x, y), conditional covariances c_h(x, y). Its law is given by
/// the context (a <see cref="GaussianFamily"/> or an <see cref="Expectation"/> left opaque).
/// </summary>
/// <example><code>RandomVariable v = RandomVariable.Of("v", [Symbol.Index("i")], [Sym.Var("x1")]); // "v_{i}(x1)"</code></example>
public sealed record RandomVariable : Expr
{
    private RandomVariable(string name, ExprList indices, ExprList points)
    {
        Name = name;
        Indices = indices;
        Points = points;
        children = ExprList.Owning([.. indices.AsSpan(), .. points.AsSpan()]);
        SymbolMask = MaskOf(indices) | MaskOf(points);
    }

    /// <summary>The family name.</summary>
    /// <example><code>string name = RandomVariable.Of("a", [], []).Name; // "a"</code></example>
    public string Name { get; }

    /// <summary>Discrete indices (head, token, width coordinate).</summary>
    /// <example><code>ExprList ix = RandomVariable.Of("a", [Symbol.Index("i")], []).Indices; // "[i]"</code></example>
    public ExprList Indices { get; }

    /// <summary>Point arguments.</summary>
    /// <example><code>ExprList pts = RandomVariable.Of("y", [], [Sym.Var("x1")]).Points; // "[x1]"</code></example>
    public ExprList Points { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => children;

    private readonly ExprList children;

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) =>
        new RandomVariable(Name, children.Take(Indices.Count).ToExprList(), children.Skip(Indices.Count).ToExprList());

    /// <inheritdoc />
    public override bool IsRandom => true;

    /// <summary>A random variable.</summary>
    /// <example><code>RandomVariable a = RandomVariable.Of("a", [Symbol.Index("h"), Symbol.Index("i")], []);</code></example>
    public static RandomVariable Of(string name, IEnumerable<Expr> indices, IEnumerable<Expr> points) =>
        new(name, indices.ToExprList(), points.ToExprList());

    /// <summary>A random variable whose law is symmetric in its points (the points are sorted).</summary>
    /// <example><code>bool same = RandomVariable.Symmetric("c", [], [Sym.Var("x2"), Sym.Var("x1")]) == RandomVariable.Symmetric("c", [], [Sym.Var("x1"), Sym.Var("x2")]); // true</code></example>
    public static RandomVariable Symmetric(string name, IEnumerable<Expr> indices, IEnumerable<Expr> points) =>
        new(name, indices.ToExprList(), points.Order(ExprOrder.Instance).ToExprList());
}
