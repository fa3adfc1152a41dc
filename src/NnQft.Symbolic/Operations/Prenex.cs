// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// A monomial with all its index sums pulled to the front (bound indices renamed apart):
/// sum_{i1} ... sum_{ik} c * f1 * ... * fm. Powers with positive integer exponents are listed as repeated factors.
/// </summary>
/// <example><code>
/// var i = Symbol.Index("i"); var p = Prenex.Of(3 * IndexSum.Of(RandomVariable.Of("a", [i], []), i, Symbol.Count("D")));
/// int sums = p.Sums.Count; // 1, coefficient 3, factors [a_i]
/// </code></example>
public sealed record Prenex(IReadOnlyList<IndexSum> Sums, Number Coefficient, IReadOnlyList<Expr> Factors)
{
    /// <summary>Splits an expanded monomial (no sums of terms at top level).</summary>
    /// <example><code>var p = Prenex.Of(2 * Sym.Var("x") * Sym.Var("x")); // no sums, coefficient 2, factors [x, x]</code></example>
    public static Prenex Of(Expr monomial, IEnumerable<string>? alsoUsed = null)
    {
        var used = new HashSet<string>(FreeSymbols.Names(monomial));
        if (alsoUsed is not null) used.UnionWith(alsoUsed);
        var sums = new List<IndexSum>();
        var factors = new List<Expr>();
        var coefficient = Number.One;
        void Walk(Expr e)
        {
            switch (e)
            {
                case Number n: coefficient *= n; break;
                case Product p: foreach (var c in p.Children) Walk(c); break;
                case IndexSum i:
                    var fresh = i.Renamed(IndexSum.FreshIndex(i.Index, used));
                    used.Add(fresh.Index.Name);
                    sums.Add(fresh);
                    Walk(fresh.Body);
                    break;
                case Power { Exponent: Number { IsInteger: true } k } pw when k.Numerator.Sign > 0 && k.Numerator < 64 && pw.Base is not Sum:
                    for (int r = 0; r < (int)k.Numerator; r++) Walk(pw.Base);
                    break;
                case Sum: throw new ArgumentException("Prenex needs an expanded monomial, got a sum inside: " + e);
                default: factors.Add(e); break;
            }
        }
        Walk(monomial);
        return new Prenex(sums, coefficient, factors);
    }

    /// <summary>Re-wraps a body in these sums, innermost last (canonical construction contracts deltas).</summary>
    /// <example><code>
    /// var i = Symbol.Index("i"); var p = Prenex.Of(IndexSum.Of(RandomVariable.Of("a", [i], []), i, Symbol.Count("D")));
    /// Expr e = p.Wrap(Expectation.Of(Product.Of(p.Factors))); // sum_i E[a_i]
    /// </code></example>
    public Expr Wrap(Expr body, IEnumerable<IndexSum>? only = null)
    {
        var list = (only ?? Sums).ToList();
        for (int k = list.Count - 1; k >= 0; k--) body = IndexSum.Of(body, list[k].Index, list[k].Lower, list[k].Upper);
        return body;
    }

    /// <summary>The terms of an expression after expansion.</summary>
    /// <example><code>var x = Sym.Var("x"); int n = Prenex.Terms(Expr.Pow(x + 1, 2)).Count; // 3</code></example>
    public static IReadOnlyList<Expr> Terms(Expr e)
    {
        var x = Expansion.Expand(e);
        return x is Sum s ? s.Terms : [x];
    }
}
