// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>Taylor series in a small parameter: sum_{k=0}^{order} f^(k)(0) eps^k / k!, exact coefficients.</summary>
/// <example><code>var x = Sym.Var("x"); Expr taylor = Series.Taylor(Sym.Exp(x), x, 3); // "x + x^2/2 + x^3/6 + 1"</code></example>
public static class Series
{
    /// <summary>The Taylor polynomial of e in <paramref name="eps"/> about 0, through eps^order.</summary>
    /// <example><code>var eps = Sym.Var("eps"); Expr s = Series.Taylor(1 / (1 - eps), eps, 2); // "eps + eps^2 + 1"</code></example>
    public static Expr Taylor(Expr e, Symbol eps, int order) => Taylor(e, eps, Number.Zero, order);

    /// <summary>The Taylor polynomial of e in <paramref name="eps"/> about <paramref name="at"/>, through (eps - at)^order.</summary>
    /// <example><code>var x = Sym.Var("x"); Expr s = Series.Taylor(Sym.Log(x), x, 1, 2); // "x - (x - 1)^2/2 - 1"</code></example>
    public static Expr Taylor(Expr e, Symbol eps, Expr at, int order)
    {
        if (order < 0) throw new ArgumentOutOfRangeException(nameof(order), order, "the order is at least 0");
        var terms = new List<Expr>();
        var derivative = e;
        var factorial = Number.One;
        var shift = Sum.Of(eps, Product.Of(Number.MinusOne, at));
        for (int k = 0; k <= order; k++)
        {
            if (k > 0)
            {
                derivative = Expansion.Expand(Differentiation.Derivative(derivative, eps));
                factorial *= Number.Of(k);
            }
            var coefficient = Substitution.Apply(derivative, eps, at);
            terms.Add(Product.Of([Power.Of(factorial, Number.MinusOne), coefficient, Power.Of(shift, Number.Of(k))]));
        }
        return Sum.Of(terms);
    }

    /// <summary>The coefficient of eps^k in a polynomial (after expansion).</summary>
    /// <example><code>var x = Sym.Var("x"); Expr c = Series.Coefficient(3 * x * x + x, x, 2); // 3</code></example>
    public static Expr Coefficient(Expr polynomial, Symbol eps, int k) =>
        WidthLimit.ByPower(polynomial, eps).GetValueOrDefault(Number.Of(k), Number.Zero);
}
