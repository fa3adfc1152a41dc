// SPDX-License-Identifier: MIT
using Fractions;

namespace NnQft.Symbolic;

/// <summary>
/// An immutable symbolic expression. Node records are built through their <c>Of</c> factories (or the operators
/// below), which keep sums and products canonical, so structural equality already is mathematical equality
/// for most purposes (see <see cref="Equality"/> for the full check).
/// </summary>
/// <example><code>Expr x = new Symbol("x"); var e = 2 * x + x; // "3*x"</code></example>
public abstract record Expr : IComparable<Expr>
{
    private protected Expr() { }

    /// <summary>Sub-expressions in a fixed order (bound indices of sums are not children).</summary>
    /// <example><code>IReadOnlyList&lt;Expr&gt; terms = (Sym.Var("x") + Sym.Var("y")).Children; // "[x, y]"</code></example>
    public abstract IReadOnlyList<Expr> Children { get; }

    /// <summary>The same node kind over new children, re-canonicalised.</summary>
    /// <example><code>Expr e = Sym.Var("x") + Sym.Var("y"); Expr doubled = e.Rebuild(e.Children.Select(c =&gt; c * 2).ToList()); // "2*x + 2*y"</code></example>
    public abstract Expr Rebuild(IReadOnlyList<Expr> children);

    /// <summary>
    /// A 64-bit Bloom mask of the symbol names in the tree (bound indices included): a zero bit proves a symbol
    /// is absent, which lets substitution and free-symbol queries skip whole subtrees. Computed at construction.
    /// </summary>
    /// <example><code>bool mayContainX = ((Sym.Var("x") * 2).SymbolMask &amp; Expr.MaskBit("x")) != 0; // true</code></example>
    public ulong SymbolMask { get; private protected init; }

    /// <summary>The mask bit of a symbol name.</summary>
    /// <example><code>ulong bit = Expr.MaskBit("x");</code></example>
    public static ulong MaskBit(string name) => 1UL << (int)((uint)name.GetHashCode(StringComparison.Ordinal) % 64);

    /// <summary>The union of the masks of some expressions.</summary>
    protected static ulong MaskOf(IEnumerable<Expr> items)
    {
        ulong m = 0;
        foreach (var e in items) m |= e.SymbolMask;
        return m;
    }

    /// <summary>True if the expression contains an opaque random quantity outside an expectation.</summary>
    /// <example><code>bool random = RandomVariable.Of("a", [], []).IsRandom; // true</code></example>
    public virtual bool IsRandom => Children.Any(c => c.IsRandom);

    /// <inheritdoc />
    /// <example><code>bool first = Sym.Var("a").CompareTo(Sym.Var("b")) &lt; 0; // true: a sorts first</code></example>
    public int CompareTo(Expr? other) => ExprOrder.Instance.Compare(this, other);

    /// <summary>The plain-text form (see <see cref="TextPrinter"/>).</summary>
    public sealed override string ToString() => TextPrinter.Print(this);

    /// <summary>Sum.</summary>
    /// <example><code>Expr e = Sym.Var("x") + 1;</code></example>
    public static Expr operator +(Expr a, Expr b) => Sum.Of(a, b);

    /// <summary>Difference.</summary>
    /// <example><code>Expr zero = Sym.Var("x") - Sym.Var("x"); // 0</code></example>
    public static Expr operator -(Expr a, Expr b) => Sum.Of(a, Product.Of(Number.MinusOne, b));

    /// <summary>Product.</summary>
    /// <example><code>Expr e = 2 * Sym.Var("x") * Sym.Var("x"); // "2*x^2"</code></example>
    public static Expr operator *(Expr a, Expr b) => Product.Of(a, b);

    /// <summary>Quotient.</summary>
    /// <example><code>Expr one = Sym.Var("x") / Sym.Var("x"); // 1</code></example>
    public static Expr operator /(Expr a, Expr b) => Product.Of(a, Power.Of(b, Number.MinusOne));

    // Integer overloads: C# reaches Expr + int through the implicit conversion, but F# applies no implicit
    // conversion to operator operands, so without these `2 * x` would not compile there. Same results as the
    // conversion: the integer becomes Number.Of(n).

    /// <summary>Sum with an integer.</summary>
    /// <example><code>Expr e = Sym.Var("x") + 1; // F#: x + 1</code></example>
    public static Expr operator +(Expr a, int n) => a + Number.Of(n);

    /// <summary>Sum with an integer.</summary>
    /// <example><code>Expr e = 1 + Sym.Var("x");</code></example>
    public static Expr operator +(int n, Expr b) => Number.Of(n) + b;

    /// <summary>Difference with an integer.</summary>
    /// <example><code>Expr e = Sym.Var("T") - 1;</code></example>
    public static Expr operator -(Expr a, int n) => a - Number.Of(n);

    /// <summary>Difference from an integer.</summary>
    /// <example><code>Expr e = 1 - Sym.Var("rho");</code></example>
    public static Expr operator -(int n, Expr b) => Number.Of(n) - b;

    /// <summary>Product with an integer.</summary>
    /// <example><code>Expr e = Sym.Var("x") * 3;</code></example>
    public static Expr operator *(Expr a, int n) => a * Number.Of(n);

    /// <summary>Product with an integer.</summary>
    /// <example><code>Expr e = 2 * Sym.Var("x"); // F#: 2 * x</code></example>
    public static Expr operator *(int n, Expr b) => Number.Of(n) * b;

    /// <summary>Quotient by an integer.</summary>
    /// <example><code>Expr half = Sym.Var("x") / 2;</code></example>
    public static Expr operator /(Expr a, int n) => a / Number.Of(n);

    /// <summary>Integer over an expression.</summary>
    /// <example><code>Expr e = 1 / Sym.Var("d_v");</code></example>
    public static Expr operator /(int n, Expr b) => Number.Of(n) / b;

    /// <summary>Negation.</summary>
    /// <example><code>Expr e = -Sym.Var("x");</code></example>
    public static Expr operator -(Expr a) => Product.Of(Number.MinusOne, a);

    /// <summary>An exact integer.</summary>
    /// <example><code>Expr two = 2;</code></example>
    public static implicit operator Expr(int n) => Number.Of(n);

    /// <summary>An exact rational.</summary>
    /// <example><code>Expr half = new Fractions.Fraction(1, 2);</code></example>
    public static implicit operator Expr(Fraction f) => Number.Of(f);

    /// <summary>a raised to b.</summary>
    /// <example><code>Expr e = Expr.Pow(Sym.Var("x"), 3);</code></example>
    public static Expr Pow(Expr a, Expr b) => Power.Of(a, b);
}
