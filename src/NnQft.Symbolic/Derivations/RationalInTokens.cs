// SPDX-License-Identifier: MIT
using System.Numerics;

namespace NnQft.Symbolic;

/// <summary>
/// Presentation of a Laurent polynomial in one symbol T as a rational function: c * (T - 1)^m * P(T) * T^-n with
/// P a primitive integer polynomial (positive leading coefficient) and P(1) != 0. The (T - 1) factors are shown
/// because moments over T exchangeable tokens vanish or simplify at T = 1; this is factoring only, no algebra
/// beyond exact polynomial division.
/// </summary>
internal static class RationalInTokens
{
    /// <summary>The factored form of <paramref name="laurent"/>, a sum of rational multiples of powers of <paramref name="t"/>.</summary>
    public static Expr Factor(Expr laurent, Symbol t)
    {
        var byPower = WidthLimit.ByPower(laurent, t);
        if (byPower.Count == 0) return Number.Zero;
        foreach (var (power, c) in byPower)
            if (!power.IsInteger || c is not Number) throw new ArgumentException("not a Laurent polynomial with rational coefficients in " + t.Name + ": " + laurent);
        int low = byPower.Keys.Select(p => (int)p.Numerator).Min();
        int high = byPower.Keys.Select(p => (int)p.Numerator).Max();
        // Coefficients of P(T) = T^-low * laurent, lowest power first.
        var p = new Number[high - low + 1];
        for (int e = low; e <= high; e++) p[e - low] = byPower.TryGetValue(Number.Of(e), out var c) ? (Number)c : Number.Zero;
        if (p.All(c => c.IsZero)) return Number.Zero;

        int ones = 0;
        while (p.Length > 1 && ValueAtOne(p).IsZero)
        {
            p = DivideByTMinusOne(p);
            ones++;
        }
        var content = Content(p);
        var primitive = p.Select(c => c * Inverse(content)).ToArray();
        var polynomial = Sum.Of(primitive.Select((c, e) => Product.Of(c, Power.Of(t, Number.Of(e)))));
        return Product.Of([content, Power.Of(Sum.Of(t, Number.MinusOne), Number.Of(ones)), polynomial, Power.Of(t, Number.Of(low))]);
    }

    private static Number ValueAtOne(IEnumerable<Number> c) => c.Aggregate(Number.Zero, (a, b) => a + b);

    /// <summary>Synthetic division by (T - 1) of a polynomial with P(1) = 0 (coefficients lowest power first).</summary>
    private static Number[] DivideByTMinusOne(Number[] p)
    {
        int n = p.Length - 1;
        var q = new Number[n];
        var carry = Number.Zero;
        for (int e = n; e >= 1; e--)
        {
            carry += p[e];
            q[e - 1] = carry;
        }
        return q;
    }

    /// <summary>The rational c with P / c primitive over the integers and of positive leading coefficient.</summary>
    private static Number Content(Number[] p)
    {
        var nonzero = p.Where(c => !c.IsZero).ToList();
        var denominators = nonzero.Aggregate(BigInteger.One, (l, c) => l / BigInteger.GreatestCommonDivisor(l, c.Denominator) * c.Denominator);
        var numerators = nonzero.Aggregate(BigInteger.Zero, (g, c) => BigInteger.GreatestCommonDivisor(g, c.Numerator * (denominators / c.Denominator)));
        var lead = nonzero[^1];
        return Number.Of(lead.Numerator.Sign * numerators, denominators);
    }

    private static Number Inverse(Number c) => Number.Of(c.Denominator, c.Numerator);
}
