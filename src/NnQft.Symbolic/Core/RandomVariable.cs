// SPDX-License-Identifier: MIT

namespace NnQft.Symbolic;

/// <summary>
/// An opaque random quantity with indices and point arguments: the readout a_{h,i}, values v_{h,t,i}(x),
/// attention weights A_{h,t}(x), Grams G_{h,t,u}(x, y), conditional covariances c_h(x, y). Its law is given by
/// the context (a <see cref="GaussianFamily"/> or an <see cref="Expectation"/> left opaque).
/// </summary>
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
    public string Name { get; }

    /// <summary>Discrete indices (head, token, width coordinate).</summary>
    public ExprList Indices { get; }

    /// <summary>Point arguments.</summary>
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
    public static RandomVariable Of(string name, IEnumerable<Expr> indices, IEnumerable<Expr> points) =>
        new(name, indices.ToExprList(), points.ToExprList());

    /// <summary>A random variable whose law is symmetric in its points (the points are sorted).</summary>
    public static RandomVariable Symmetric(string name, IEnumerable<Expr> indices, IEnumerable<Expr> points) =>
        new(name, indices.ToExprList(), points.Order(ExprOrder.Instance).ToExprList());
}
