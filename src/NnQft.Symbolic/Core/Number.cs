// SPDX-License-Identifier: MIT
using System.Numerics;
using Fractions;

namespace NnQft.Symbolic;

/// <summary>An exact rational constant, always in lowest terms with a positive denominator.</summary>
/// <example><code>Number third = Number.Of(1, 3); double x = third.ToDouble(); // ~0.333333</code></example>
public sealed record Number : Expr
{
    private Number(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>The numerator (sign carrier).</summary>
    /// <example><code>System.Numerics.BigInteger p = Number.Of(2, 4).Numerator; // 1: reduced</code></example>
    public BigInteger Numerator { get; }

    /// <summary>The denominator, at least 1.</summary>
    /// <example><code>System.Numerics.BigInteger q = Number.Of(2, 4).Denominator; // 2</code></example>
    public BigInteger Denominator { get; }

    /// <summary>The value as a Fraction.</summary>
    /// <example><code>Fractions.Fraction f = Number.Of(3, 4).Value;</code></example>
    public Fraction Value => new(Numerator, Denominator, false);

    /// <summary>0.</summary>
    /// <example><code>bool zero = (Sym.Var("x") - Sym.Var("x")).Equals(Number.Zero); // true</code></example>
    public static Number Zero { get; } = new(0, 1);

    /// <summary>1.</summary>
    /// <example><code>Expr same = Sym.Var("x") * Number.One; // "x"</code></example>
    public static Number One { get; } = new(1, 1);

    /// <summary>-1.</summary>
    /// <example><code>Expr e = Number.MinusOne * Sym.Var("x"); // "-x"</code></example>
    public static Number MinusOne { get; } = new(-1, 1);

    /// <summary>An integer.</summary>
    /// <example><code>Number big = Number.Of(System.Numerics.BigInteger.Pow(10, 30));</code></example>
    public static Number Of(BigInteger n) => new(n, 1);

    /// <summary>p/q in lowest terms.</summary>
    /// <example><code>Number half = Number.Of(1, 2);</code></example>
    public static Number Of(BigInteger p, BigInteger q)
    {
        if (q.IsZero) throw new DivideByZeroException("rational with zero denominator");
        if (q.Sign < 0) { p = -p; q = -q; }
        var g = BigInteger.GreatestCommonDivisor(p, q);
        if (!g.IsZero && !g.IsOne) { p /= g; q /= g; }
        return new Number(p, q);
    }

    /// <summary>A Fraction, normalised.</summary>
    /// <example><code>Number n = Number.Of(new Fractions.Fraction(3, 4));</code></example>
    public static Number Of(Fraction f) => Of(f.Numerator, f.Denominator);

    /// <summary>True for 0.</summary>
    /// <example><code>bool zero = Number.Of(0, 5).IsZero; // true</code></example>
    public bool IsZero => Numerator.IsZero;

    /// <summary>True for 1.</summary>
    /// <example><code>bool one = Number.Of(2, 2).IsOne; // true</code></example>
    public bool IsOne => Numerator.IsOne && Denominator.IsOne;

    /// <summary>True for an integer.</summary>
    /// <example><code>bool integer = Number.Of(4, 2).IsInteger; // true</code></example>
    public bool IsInteger => Denominator.IsOne;

    /// <summary>The value as a double.</summary>
    /// <example><code>double x = Number.Of(1, 4).ToDouble(); // 0.25</code></example>
    public double ToDouble() => (double)Numerator / (double)Denominator;

    /// <summary>Exact arithmetic.</summary>
    /// <example><code>Number n = Number.Of(1, 2) + Number.Of(1, 3); // "5/6"</code></example>
    public static Number operator +(Number a, Number b) =>
        // Integers (most coefficients and exponents) need neither cross products nor a gcd.
        a.Denominator.IsOne && b.Denominator.IsOne ? new Number(a.Numerator + b.Numerator, BigInteger.One)
            : Of(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    /// <summary>Exact arithmetic.</summary>
    /// <example><code>Number n = Number.Of(1, 2) * Number.Of(2, 3); // "1/3"</code></example>
    public static Number operator *(Number a, Number b) =>
        a.IsOne ? b : b.IsOne ? a
            : a.Denominator.IsOne && b.Denominator.IsOne ? new Number(a.Numerator * b.Numerator, BigInteger.One)
            : Of(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    /// <summary>Exact integer power (negative exponents invert).</summary>
    /// <example><code>Number n = Number.Of(2, 3).Pow(-2); // "9/4"</code></example>
    public Number Pow(int n) =>
        n >= 0 ? Of(BigInteger.Pow(Numerator, n), BigInteger.Pow(Denominator, n))
               : Of(BigInteger.Pow(Denominator, -n), BigInteger.Pow(Numerator, -n));

    /// <summary>Compares values.</summary>
    /// <example><code>bool less = Number.Of(1, 3).CompareValue(Number.Of(1, 2)) &lt; 0; // true</code></example>
    public int CompareValue(Number other) =>
        Denominator == other.Denominator ? Numerator.CompareTo(other.Numerator) : (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [];

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => this;

    /// <inheritdoc />
    public override bool IsRandom => false;

    /// <inheritdoc />
    public bool Equals(Number? other) => other is not null && Numerator == other.Numerator && Denominator == other.Denominator;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);
}
