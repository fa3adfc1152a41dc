// SPDX-License-Identifier: MIT

namespace NnQft.Symbolic;

/// <summary>
/// An opaque deterministic function applied to arguments, such as the attention moments M2(t, xa, xb) and
/// M4(t, u, xa, xb, xc, xd). Numeric evaluation calls back into the environment by <see cref="Name"/>.
/// </summary>
public sealed record Apply : Expr
{
    private Apply(string name, ExprList args)
    {
        Name = name;
        Args = args;
        SymbolMask = MaskOf(args);
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The arguments.</summary>
    public ExprList Args { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => Args;

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => Of(Name, children);

    /// <inheritdoc />
    public override bool IsRandom => false;

    /// <summary>The application.</summary>
    public static Apply Of(string name, IEnumerable<Expr> args) => new(name, args.ToExprList());
}

/// <summary>
/// A random-feature kernel k_t(xa, xb) (THEORY section 1): token 0 is the query kernel k0, tokens 1..T the token
/// kernels. Symmetric in its points, which are kept sorted.
/// </summary>
public sealed record Kernel : Expr
{
    private Kernel(Expr token, Expr a, Expr b)
    {
        Token = token;
        A = a;
        B = b;
        SymbolMask = token.SymbolMask | a.SymbolMask | b.SymbolMask;
    }

    /// <summary>The token (0 for the query), a number or an index symbol.</summary>
    public Expr Token { get; }

    /// <summary>First point.</summary>
    public Expr A { get; }

    /// <summary>Second point.</summary>
    public Expr B { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [Token, A, B];

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => Of(children[0], children[1], children[2]);

    /// <inheritdoc />
    public override bool IsRandom => false;

    /// <summary>k_token(a, b), points sorted because k(x - y) is even.</summary>
    public static Kernel Of(Expr token, Expr a, Expr b) =>
        ExprOrder.Instance.Compare(a, b) <= 0 ? new Kernel(token, a, b) : new Kernel(token, b, a);
}
