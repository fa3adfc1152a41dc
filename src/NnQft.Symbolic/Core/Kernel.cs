// SPDX-License-Identifier: MIT

namespace NnQft.Symbolic;

/// <summary>
/// A random-feature kernel k_t(xa, xb) (docs/theory.md section 1): token 0 is the query kernel k0, tokens 1..T the token
/// kernels. Symmetric in its points, which are kept sorted.
/// </summary>
/// <example><code>Kernel k = Kernel.Of(1, Sym.Var("x1"), Sym.Var("x2")); // "k1(x1, x2)"</code></example>
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
    /// <example><code>Expr t = Kernel.Of(2, Sym.Var("x1"), Sym.Var("x2")).Token; // 2</code></example>
    public Expr Token { get; }

    /// <summary>First point.</summary>
    /// <example><code>Expr a = Kernel.Of(1, Sym.Var("x1"), Sym.Var("x2")).A;</code></example>
    public Expr A { get; }

    /// <summary>Second point.</summary>
    /// <example><code>Expr b = Kernel.Of(1, Sym.Var("x1"), Sym.Var("x2")).B;</code></example>
    public Expr B { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [Token, A, B];

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => Of(children[0], children[1], children[2]);

    /// <inheritdoc />
    public override bool IsRandom => false;

    /// <summary>k_token(a, b), points sorted because k(x - y) is even.</summary>
    /// <example><code>Kernel k = Kernel.Of(0, Sym.Var("x1"), Sym.Var("x1")); // the query kernel at one point</code></example>
    public static Kernel Of(Expr token, Expr a, Expr b) =>
        ExprOrder.Instance.Compare(a, b) <= 0 ? new Kernel(token, a, b) : new Kernel(token, b, a);
}
