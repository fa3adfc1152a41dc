// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>Symbolic derivative with respect to a symbol (chain, product and power rules; linear through sums, index sums and expectations).</summary>
/// <example><code>Expr d = Differentiation.Derivative(Sym.Sin(Sym.Var("x")), Sym.Var("x")); // "cos(x)"</code></example>
public static class Differentiation
{
    /// <summary>d e / d x.</summary>
    /// <example><code>var x = Sym.Var("x"); Expr d = Differentiation.Derivative(Expr.Pow(x, 3), x); // "3*x^2"</code></example>
    public static Expr Derivative(Expr e, Symbol x)
    {
        if (!FreeSymbols.Contains(e, x)) return Number.Zero;
        switch (e)
        {
            // d x / d x = 1 (other symbols, numbers and constants were caught above).
            case Symbol: return Number.One;
            // Linearity.
            case Sum s: return Sum.Of(s.Terms.Select(t => Derivative(t, x)));
            // Product rule: sum_i f_i' prod_{j != i} f_j.
            case Product p:
                var factors = p.Factors;
                return Product.Of(p.Coefficient, Sum.Of(Enumerable.Range(0, factors.Count).Select(i =>
                    Product.Of(factors.Select((f, j) => j == i ? Derivative(f, x) : f)))));
            // Power rule, or b^e (e' log b + e b'/b) when the exponent depends on x.
            case Power pw when !FreeSymbols.Contains(pw.Exponent, x):
                return Product.Of([pw.Exponent, Power.Of(pw.Base, Sum.Of(pw.Exponent, Number.MinusOne)), Derivative(pw.Base, x)]);
            case Power pw:
                return Product.Of(pw, Sum.Of(Product.Of(Derivative(pw.Exponent, x), FunctionCall.Log(pw.Base)),
                    Product.Of([pw.Exponent, Derivative(pw.Base, x), Power.Of(pw.Base, Number.MinusOne)])));
            // Chain rule.
            case FunctionCall f: return Chain(f, x);
            // Sums over an index: differentiate the summand.
            case IndexSum i: return IndexSum.Of(Derivative(i.Body, x), i.Index, i.Lower, i.Upper);
            // x is a deterministic parameter: E and cumulants are (multi)linear.
            case Expectation ex: return Expectation.Of(Derivative(ex.Body, x));
            case Cumulant c:
                return Sum.Of(Enumerable.Range(0, c.Args.Count).Select(k =>
                    Cumulant.Of(c.Args.Select((a, j) => j == k ? Derivative(a, x) : a).ToList())));
            // Integer-valued indices do not vary.
            case KroneckerDelta: return Number.Zero;
            // Opaque in their point and token arguments.
            case Kernel or AttentionMoment or Apply or RandomVariable:
                throw new NotSupportedException($"the derivative of the opaque {e} with respect to {x.Name} is unknown");
            default: throw new NotSupportedException(e.GetType().Name);
        }
    }

    /// <summary>The n-th derivative.</summary>
    /// <example><code>var x = Sym.Var("x"); Expr d2 = Differentiation.Derivative(Sym.Exp(2 * x), x, 2); // "4*exp(2*x)"</code></example>
    public static Expr Derivative(Expr e, Symbol x, int n)
    {
        for (int k = 0; k < n; k++) e = Derivative(e, x);
        return e;
    }

    private static Expr Chain(FunctionCall f, Symbol x)
    {
        var u = f.Args[^1];
        var du = Derivative(u, x);
        Expr outer = f.Kind switch
        {
            FunctionKind.Exp => f,
            FunctionKind.Log => Power.Of(u, Number.MinusOne),
            FunctionKind.Sin => FunctionCall.Of(FunctionKind.Cos, [u]),
            FunctionKind.Cos => Product.Of(Number.MinusOne, FunctionCall.Of(FunctionKind.Sin, [u])),
            FunctionKind.Arcsin => Power.Of(Sum.Of(Number.One, Product.Of(Number.MinusOne, Power.Of(u, 2))), Number.Of(-1, 2)),
            FunctionKind.Erf => Product.Of([Number.Of(2), Power.Of(Constants.Pi, Number.Of(-1, 2)), FunctionCall.Exp(Product.Of(Number.MinusOne, Power.Of(u, 2)))]),
            FunctionKind.Abs => Product.Of(u, Power.Of(f, Number.MinusOne)),
            FunctionKind.BesselJ when !FreeSymbols.Contains(f.Args[0], x) =>
                Product.Of(Number.Of(1, 2), Sum.Of(FunctionCall.Of(FunctionKind.BesselJ, [Sum.Of(f.Args[0], Number.MinusOne), u]),
                    Product.Of(Number.MinusOne, FunctionCall.Of(FunctionKind.BesselJ, [Sum.Of(f.Args[0], Number.One), u])))),
            FunctionKind.BesselK when !FreeSymbols.Contains(f.Args[0], x) =>
                Product.Of(Number.Of(-1, 2), Sum.Of(FunctionCall.Of(FunctionKind.BesselK, [Sum.Of(f.Args[0], Number.MinusOne), u]),
                    FunctionCall.Of(FunctionKind.BesselK, [Sum.Of(f.Args[0], Number.One), u]))),
            _ => throw new NotSupportedException($"the derivative of {f} with respect to {x.Name} is not implemented"),
        };
        return Product.Of(outer, du);
    }
}
