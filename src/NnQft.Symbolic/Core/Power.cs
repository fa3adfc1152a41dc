// SPDX-License-Identifier: MIT
using System.Numerics;

namespace NnQft.Symbolic;

/// <summary>
/// base^exponent, canonical: x^0 = 1, x^1 = x, exact rational powers of numbers folded when exact, integer powers
/// of products distributed, (x^a)^b = x^(ab) for integer b or positive x. sqrt(x) is x^(1/2).
/// </summary>
/// <example><code>Expr e = Power.Of(Sym.Var("x"), Number.Of(1, 2)); // "sqrt(x)"</code></example>
public sealed record Power : Expr
{
    private readonly bool random;

    /// <inheritdoc />
    public override bool IsRandom => random;

    private Power(Expr @base, Expr exponent)
    {
        Base = @base;
        Exponent = exponent;
        random = @base.IsRandom || exponent.IsRandom;
        SymbolMask = @base.SymbolMask | exponent.SymbolMask;
    }

    /// <summary>The base.</summary>
    /// <example><code>Expr b = ((Power)Power.Of(Sym.Var("x"), 3)).Base; // "x"</code></example>
    public Expr Base { get; }

    /// <summary>The exponent.</summary>
    /// <example><code>Expr n = ((Power)Power.Of(Sym.Var("x"), 3)).Exponent; // 3</code></example>
    public Expr Exponent { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [Base, Exponent];

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => Of(children[0], children[1]);

    /// <summary>The canonical power.</summary>
    /// <example><code>Expr e = Power.Of(Power.Of(Sym.Var("x"), 2), 3); // "x^6"</code></example>
    public static Expr Of(Expr b, Expr e)
    {
        if (e is Number { IsZero: true }) return Number.One;
        if (e is Number { IsOne: true }) return b;
        if (b is Number { IsOne: true }) return Number.One;
        if (b is Number { IsZero: true } && e is Number ne)
            return ne.Numerator.Sign > 0 ? Number.Zero : throw new DivideByZeroException("0 to a non-positive power");
        if (b is Number nb && e is Number en) return NumericPower(nb, en);
        if (b is KroneckerDelta && e is Number { IsInteger: true } k && k.Numerator.Sign > 0) return b;
        if (b is Power p && (e is Number { IsInteger: true } || Assumptions.IsPositive(p.Base)))
            return Of(p.Base, Product.Of(p.Exponent, e));
        if (b is Product q && (e is Number { IsInteger: true } || q.Factors.All(Assumptions.IsPositive) && q.Coefficient.Numerator.Sign > 0))
            return Product.Of(q.Children.Select(f => Of(f, e)));
        if (b is FunctionCall { Kind: FunctionKind.Exp } ex) return FunctionCall.Exp(Product.Of(ex.Args[0], e));
        return new Power(b, e);
    }

    private static Expr NumericPower(Number b, Number e)
    {
        if (e.IsInteger && BigInteger.Abs(e.Numerator) <= 4096) return b.Pow((int)e.Numerator);
        if (b.Numerator.Sign > 0 && BigInteger.Abs(e.Denominator) <= 64 && BigInteger.Abs(e.Numerator) <= 4096)
        {
            int q = (int)e.Denominator;
            if (ExactRoot(b.Numerator, q) is { } rn && ExactRoot(b.Denominator, q) is { } rd)
                return Number.Of(rn, rd).Pow((int)e.Numerator);
            // Keep the integer part of the exponent outside: 2^(3/2) = 2 * 2^(1/2).
            var whole = BigInteger.Divide(e.Numerator, e.Denominator);
            if (e.Numerator.Sign < 0 && whole * e.Denominator != e.Numerator) whole -= 1;
            if (!whole.IsZero)
                return Product.Of(b.Pow((int)whole), new Power(b, Number.Of(e.Numerator - whole * e.Denominator, e.Denominator)));
        }
        return new Power(b, e);
    }

    private static BigInteger? ExactRoot(BigInteger n, int q)
    {
        if (n.IsZero || n.IsOne) return n;
        var root = IntegerRoot(n, q);
        return BigInteger.Pow(root, q) == n ? root : null;
    }

    /// <summary>floor(n^(1/q)) for n &gt; 0, in integers: a double guess overflows beyond about 2^1024.</summary>
    private static BigInteger IntegerRoot(BigInteger n, int q)
    {
        // Newton's iteration from an upper bound decreases monotonically to the floor of the root.
        var x = BigInteger.One << (int)((n.GetBitLength() + q - 1) / q);
        while (true)
        {
            var next = ((q - 1) * x + n / BigInteger.Pow(x, q - 1)) / q;
            if (next >= x) return x;
            x = next;
        }
    }
}
