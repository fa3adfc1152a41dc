// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>The Kronecker delta of two indices; delta_ii = 1 and distinct numbers give 0. Arguments sorted.</summary>
/// <example><code>Expr d = KroneckerDelta.Of(Symbol.Index("i"), Symbol.Index("j")); // "delta(i, j)"</code></example>
public sealed record KroneckerDelta : Expr
{
    private KroneckerDelta(Expr i, Expr j)
    {
        I = i;
        J = j;
        SymbolMask = i.SymbolMask | j.SymbolMask;
    }

    /// <summary>First index.</summary>
    /// <example><code>var d = (KroneckerDelta)KroneckerDelta.Of(Symbol.Index("i"), Symbol.Index("j")); Expr i = d.I;</code></example>
    public Expr I { get; }

    /// <summary>Second index.</summary>
    /// <example><code>var d = (KroneckerDelta)KroneckerDelta.Of(Symbol.Index("i"), Symbol.Index("j")); Expr j = d.J;</code></example>
    public Expr J { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [I, J];

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => Of(children[0], children[1]);

    /// <inheritdoc />
    public override bool IsRandom => false;

    /// <summary>The canonical delta.</summary>
    /// <example><code>Expr one = KroneckerDelta.Of(2, 2); Expr zero = KroneckerDelta.Of(1, 2); // numbers decide at once</code></example>
    public static Expr Of(Expr i, Expr j)
    {
        if (i.Equals(j)) return Number.One;
        if (i is Number && j is Number) return Number.Zero;
        return ExprOrder.Instance.Compare(i, j) <= 0 ? new KroneckerDelta(i, j) : new KroneckerDelta(j, i);
    }
}
