// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// Large-parameter structure: an expression as a polynomial in 1/w (w a width such as d_v), its leading order as
/// w -> infinity, and the split into the w^0 part and the rest.
/// </summary>
/// <example><code>var dv = NetworkSymbols.ValueWidth; Expr g = WidthLimit.LeadingOrder(3 + 2 / dv, dv); // 3</code></example>
public static class WidthLimit
{
    /// <summary>The expanded expression grouped by the exponent of <paramref name="w"/> (coefficients free of w).</summary>
    /// <example><code>var dv = NetworkSymbols.ValueWidth; var parts = WidthLimit.ByPower(3 + 2 / dv, dv); // {0: 3, -1: 2}</code></example>
    public static IReadOnlyDictionary<Number, Expr> ByPower(Expr e, Symbol w)
    {
        var groups = new Dictionary<Number, List<Expr>>();
        foreach (var term in Prenex.Terms(e))
        {
            var (exponent, rest) = ExponentOf(term, w);
            if (!groups.TryGetValue(exponent, out var list)) groups[exponent] = list = [];
            list.Add(rest);
        }
        return groups.ToDictionary(g => g.Key, g => Sum.Of(g.Value));
    }

    /// <summary>(the w^0 part, the remainder).</summary>
    /// <example><code>var dv = NetworkSymbols.ValueWidth; var (leading, rest) = WidthLimit.SplitConstant(3 + 2 / dv, dv); // 3 and 2/d_v</code></example>
    public static (Expr Leading, Expr Remainder) SplitConstant(Expr e, Symbol w)
    {
        var parts = ByPower(e, w);
        var zero = parts.GetValueOrDefault(Number.Zero, Number.Zero);
        var rest = Sum.Of(parts.Where(kv => !kv.Key.IsZero).Select(kv => Product.Of(Power.Of(w, kv.Key), kv.Value)));
        return (zero, rest);
    }

    /// <summary>The leading term as w -> infinity (highest power of w; for an expansion in 1/w, the w^0 part).</summary>
    /// <example><code>var d = NetworkSymbols.Features; Expr g = WidthLimit.LeadingOrder(Sym.Var("k") + Sym.Var("m") / d, d); // "k"</code></example>
    public static Expr LeadingOrder(Expr e, Symbol w)
    {
        var parts = ByPower(e, w);
        if (parts.Count == 0) return Number.Zero;
        var top = parts.Keys.Aggregate((a, b) => a.CompareValue(b) >= 0 ? a : b);
        return Product.Of(Power.Of(w, top), parts[top]);
    }

    private static (Number Exponent, Expr Coefficient) ExponentOf(Expr term, Symbol w)
    {
        var factors = term is Product p ? p.Children : (IReadOnlyList<Expr>)[term];
        var exponent = Number.Zero;
        var rest = new List<Expr>();
        foreach (var f in factors)
        {
            if (f.Equals(w)) exponent += Number.One;
            else if (f is Power { Exponent: Number n } pw && pw.Base.Equals(w)) exponent += n;
            else if (FreeSymbols.Contains(f, w)) throw new NotSupportedException($"{w.Name} appears non-polynomially in {f}");
            else rest.Add(f);
        }
        return (exponent, Product.Of(rest));
    }
}
