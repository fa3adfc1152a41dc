// SPDX-License-Identifier: MIT
using Fractions;

namespace NnQft.Symbolic;

/// <summary>
/// An immutable symbolic expression. Node records are built through their <c>Of</c> factories (or the operators
/// below), which keep sums and products canonical, so structural equality already is mathematical equality
/// for most purposes (see <see cref="Equality"/> for the full check).
/// </summary>
/// <example><code>Expr x = new Symbol("x"); var e = 2 * x + x; // 3*x</code></example>
public abstract record Expr : IComparable<Expr>
{
    private protected Expr() { }

    /// <summary>Sub-expressions in a fixed order (bound indices of sums are not children).</summary>
    public abstract IReadOnlyList<Expr> Children { get; }

    /// <summary>The same node kind over new children, re-canonicalised.</summary>
    public abstract Expr Rebuild(IReadOnlyList<Expr> children);

    /// <summary>
    /// A 64-bit Bloom mask of the symbol names in the tree (bound indices included): a zero bit proves a symbol
    /// is absent, which lets substitution and free-symbol queries skip whole subtrees. Computed at construction.
    /// </summary>
    public ulong SymbolMask { get; private protected init; }

    /// <summary>The mask bit of a symbol name.</summary>
    public static ulong MaskBit(string name) => 1UL << (int)((uint)name.GetHashCode(StringComparison.Ordinal) % 64);

    /// <summary>The union of the masks of some expressions.</summary>
    protected static ulong MaskOf(IEnumerable<Expr> items)
    {
        ulong m = 0;
        foreach (var e in items) m |= e.SymbolMask;
        return m;
    }

    /// <summary>True if the expression contains an opaque random quantity outside an expectation.</summary>
    public virtual bool IsRandom => Children.Any(c => c.IsRandom);

    /// <inheritdoc />
    public int CompareTo(Expr? other) => ExprOrder.Instance.Compare(this, other);

    /// <summary>The plain-text form (see <see cref="TextPrinter"/>).</summary>
    public sealed override string ToString() => TextPrinter.Print(this);

    /// <summary>Sum.</summary>
    public static Expr operator +(Expr a, Expr b) => Sum.Of(a, b);

    /// <summary>Difference.</summary>
    public static Expr operator -(Expr a, Expr b) => Sum.Of(a, Product.Of(Number.MinusOne, b));

    /// <summary>Product.</summary>
    public static Expr operator *(Expr a, Expr b) => Product.Of(a, b);

    /// <summary>Quotient.</summary>
    public static Expr operator /(Expr a, Expr b) => Product.Of(a, Power.Of(b, Number.MinusOne));

    /// <summary>Negation.</summary>
    public static Expr operator -(Expr a) => Product.Of(Number.MinusOne, a);

    /// <summary>An exact integer.</summary>
    public static implicit operator Expr(int n) => Number.Of(n);

    /// <summary>An exact rational.</summary>
    public static implicit operator Expr(Fraction f) => Number.Of(f);

    /// <summary>a raised to b.</summary>
    public static Expr Pow(Expr a, Expr b) => Power.Of(a, b);
}
