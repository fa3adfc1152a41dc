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
            // Canonical constructors are idempotent, so a node whose parts expand to themselves (and that has nothing left
            // to distribute) is its own expansion: already expanded terms of a large sum are neither rebuilt nor re-sorted.
            case Sum s:
                if (s.Terms.Count < MemoTerms) return ExpandSum(s);
                return Memo.GetValue(s, ExpandSum);
            case Product p:
                // A product over sums is what distributes into many terms: expanded once (see Memo).
                return p.Factors.Any(f => f is Sum or IndexSum or Power { Base: Sum }) ? ProductMemo.GetValue(p, ExpandProductNode) : ExpandProductNode(p);
            case Power pw:
                var b = Expand(pw.Base);
                if (pw.Exponent is Number { IsInteger: true } n && n.Numerator.Sign > 0 && n.Numerator <= 64 && b is Sum or IndexSum or Product)
                    return ExpandProduct(Enumerable.Repeat(b, (int)n.Numerator).ToList());
                var exponent = Expand(pw.Exponent);
                return ReferenceEquals(b, pw.Base) && ReferenceEquals(exponent, pw.Exponent) ? pw : Power.Of(b, exponent);
            case IndexSum i:
                var body = Expand(i.Body);
                return ReferenceEquals(body, i.Body) ? i : IndexSum.Of(body, i.Index, i.Lower, i.Upper);
            // Opaque nodes: expand inside (expectations and cumulants are linear, so this is safe).
            case FunctionCall or Apply or AttentionMoment or Expectation or Cumulant:
                var children = ExpandAll(e.Children);
                return children is null ? e : e.Rebuild(children);
            default: throw new NotSupportedException(e.GetType().Name);
        }
    }

    // Large sums, and products over sums, are expanded once per process (while they live): a derivation's parts share
    // them by reference (the full correlator holds the very terms of its finite-width part), and expanding one costs a
    // sort of its many terms.
    private const int MemoTerms = 256;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Sum, Expr> Memo = [];

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Product, Expr> ProductMemo = [];

    private static Expr ExpandProductNode(Product p)
    {
        var factors = ExpandAll(p.Children);
        if (factors is null && !p.Factors.Any(f => f is Sum or IndexSum)) return p;
        return ExpandProduct(factors ?? [.. p.Children]);
    }

    private static Expr ExpandSum(Sum s)
    {
        var terms = ExpandAll(s.Terms);
        return terms is null ? s : Sum.Of(terms);
    }

    // The expanded children, or null when every child is its own expansion.
    private static List<Expr>? ExpandAll(IReadOnlyList<Expr> children)
    {
        List<Expr>? result = null;
        for (int k = 0; k < children.Count; k++)
        {
            var x = Expand(children[k]);
            if (result is null && !ReferenceEquals(x, children[k]))
            {
                result = new List<Expr>(children.Count);
                for (int j = 0; j < k; j++) result.Add(children[j]);
            }
            result?.Add(x);
        }
        return result;
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
