// SPDX-License-Identifier: MIT
using System.Numerics;
using Fractions;

namespace NnQft.Symbolic;

/// <summary>An exact rational constant, always in lowest terms with a positive denominator.</summary>
public sealed record Number : Expr
{
    private Number(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>The numerator (sign carrier).</summary>
    public BigInteger Numerator { get; }

    /// <summary>The denominator, at least 1.</summary>
    public BigInteger Denominator { get; }

    /// <summary>The value as a Fraction.</summary>
    public Fraction Value => new(Numerator, Denominator, false);

    /// <summary>0.</summary>
    public static Number Zero { get; } = new(0, 1);

    /// <summary>1.</summary>
    public static Number One { get; } = new(1, 1);

    /// <summary>-1.</summary>
    public static Number MinusOne { get; } = new(-1, 1);

    /// <summary>An integer.</summary>
    public static Number Of(BigInteger n) => new(n, 1);

    /// <summary>p/q in lowest terms.</summary>
    public static Number Of(BigInteger p, BigInteger q)
    {
        if (q.IsZero) throw new DivideByZeroException("rational with zero denominator");
        if (q.Sign < 0) { p = -p; q = -q; }
        var g = BigInteger.GreatestCommonDivisor(p, q);
        if (!g.IsZero && !g.IsOne) { p /= g; q /= g; }
        return new Number(p, q);
    }

    /// <summary>A Fraction, normalised.</summary>
    public static Number Of(Fraction f) => Of(f.Numerator, f.Denominator);

    /// <summary>True for 0.</summary>
    public bool IsZero => Numerator.IsZero;

    /// <summary>True for 1.</summary>
    public bool IsOne => Numerator.IsOne && Denominator.IsOne;

    /// <summary>True for an integer.</summary>
    public bool IsInteger => Denominator.IsOne;

    /// <summary>The value as a double.</summary>
    public double ToDouble() => (double)Numerator / (double)Denominator;

    /// <summary>Exact arithmetic.</summary>
    public static Number operator +(Number a, Number b) => Of(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    /// <summary>Exact arithmetic.</summary>
    public static Number operator *(Number a, Number b) => Of(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    /// <summary>Exact integer power (negative exponents invert).</summary>
    public Number Pow(int n) =>
        n >= 0 ? Of(BigInteger.Pow(Numerator, n), BigInteger.Pow(Denominator, n))
               : Of(BigInteger.Pow(Denominator, -n), BigInteger.Pow(Numerator, -n));

    /// <summary>Compares values.</summary>
    public int CompareValue(Number other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

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
