// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>The Kronecker delta of two indices; delta_ii = 1 and distinct numbers give 0. Arguments sorted.</summary>
public sealed record KroneckerDelta : Expr
{
    private KroneckerDelta(Expr i, Expr j)
    {
        I = i;
        J = j;
        SymbolMask = i.SymbolMask | j.SymbolMask;
    }

    /// <summary>First index.</summary>
    public Expr I { get; }

    /// <summary>Second index.</summary>
    public Expr J { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [I, J];

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => Of(children[0], children[1]);

    /// <inheritdoc />
    public override bool IsRandom => false;

    /// <summary>The canonical delta.</summary>
    public static Expr Of(Expr i, Expr j)
    {
        if (i.Equals(j)) return Number.One;
        if (i is Number && j is Number) return Number.Zero;
        return ExprOrder.Instance.Compare(i, j) <= 0 ? new KroneckerDelta(i, j) : new KroneckerDelta(j, i);
    }
}
