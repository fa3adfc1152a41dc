// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// Distributes products over sums and expands positive integer powers of sums; index sums inside a product are
/// pulled to the front (bound indices renamed apart), so the result is a sum of (index-summed) monomials.
/// </summary>
/// <example><code>var x = Sym.Var("x"); Expr e = Expansion.Expand(Expr.Pow(x + 1, 2)); // "x^2 + 2*x + 1"</code></example>
public static class Expansion
{
    /// <summary>The expanded form.</summary>
    /// <example><code>var x = Sym.Var("x"); var y = Sym.Var("y"); Expr e = Expansion.Expand((x + y) * (x - y)); // "x^2 - y^2"</code></example>
    public static Expr Expand(Expr e)
    {
        switch (e)
        {
            case Number or MathConstant or Symbol or Kernel or KroneckerDelta or RandomVariable: return e;
            case Sum s: return Sum.Of(s.Terms.Select(Expand));
            case Product p: return ExpandProduct(p.Children.Select(Expand).ToList());
            case Power pw:
                var b = Expand(pw.Base);
                if (pw.Exponent is Number { IsInteger: true } n && n.Numerator.Sign > 0 && n.Numerator <= 64 && b is Sum or IndexSum or Product)
                    return ExpandProduct(Enumerable.Repeat(b, (int)n.Numerator).ToList());
                return Power.Of(b, Expand(pw.Exponent));
            case IndexSum i: return IndexSum.Of(Expand(i.Body), i.Index, i.Lower, i.Upper);
            // Opaque nodes: expand inside (expectations and cumulants are linear, so this is safe).
            case FunctionCall or Apply or AttentionMoment or Expectation or Cumulant: return e.Rebuild(e.Children.Select(Expand).ToList());
            default: throw new NotSupportedException(e.GetType().Name);
        }
    }

    private static Expr ExpandProduct(List<Expr> factors)
    {
        // Pull index sums out, renaming bound indices apart from everything else in the product.
        var sums = new List<IndexSum>();
        var used = new HashSet<string>(factors.SelectMany(FreeSymbols.Names));
        var plain = new List<Expr>();
        foreach (var f in factors)
        {
            var g = f;
            while (g is IndexSum i)
            {
                var fresh = i.Renamed(IndexSum.FreshIndex(i.Index, used));
                used.Add(fresh.Index.Name);
                sums.Add(fresh);
                g = fresh.Body;
            }
            plain.Add(g);
        }
        Expr body = Distribute(plain);
        for (int k = sums.Count - 1; k >= 0; k--) body = IndexSum.Of(body, sums[k].Index, sums[k].Lower, sums[k].Upper);
        return body;
    }

    private static Expr Distribute(List<Expr> factors)
    {
        var terms = new List<Expr> { Number.One };
        foreach (var f in factors)
        {
            var parts = f is Sum s ? s.Terms : (IReadOnlyList<Expr>)[f];
            var next = new List<Expr>(terms.Count * parts.Count);
            foreach (var t in terms)
                foreach (var p in parts) next.Add(Product.Of(t, p));
            terms = next;
        }
        return Sum.Of(terms);
    }
}
