// SPDX-License-Identifier: MIT

namespace NnQft.Symbolic;

/// <summary>
/// An opaque deterministic function of its arguments, known only by name (test functions, placeholders). The
/// network's own opaque quantities have typed nodes instead: <see cref="Kernel"/> and <see cref="AttentionMoment"/>.
/// Numeric evaluation asks <see cref="NodeValues.Function"/> by <see cref="Name"/>.
/// </summary>
/// <example><code>Expr f = Apply.Of("f", [Sym.Var("x1"), Sym.Var("x2")]); // "f(x1, x2)"</code></example>
public sealed record Apply : Expr
{
    private Apply(string name, ExprList args)
    {
        Name = name;
        Args = args;
        SymbolMask = MaskOf(args);
    }

    /// <summary>The function name.</summary>
    /// <example><code>string name = Apply.Of("f", [Sym.Var("x")]).Name; // "f"</code></example>
    public string Name { get; }

    /// <summary>The arguments.</summary>
    /// <example><code>int arity = Apply.Of("f", [Sym.Var("x"), Sym.Var("y")]).Args.Count; // 2</code></example>
    public ExprList Args { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => Args;

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => Of(Name, children);

    /// <inheritdoc />
    public override bool IsRandom => false;

    /// <summary>The application.</summary>
    /// <example><code>Apply f = Apply.Of("f", [Sym.Var("x")]);</code></example>
    public static Apply Of(string name, IEnumerable<Expr> args) => new(name, args.ToExprList());
}
