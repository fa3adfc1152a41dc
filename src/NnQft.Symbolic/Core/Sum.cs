// SPDX-License-Identifier: MIT

namespace NnQft.Symbolic;

/// <summary>
/// A canonical n-ary sum: flattened, like terms merged (terms equal up to a rational coefficient), zero terms
/// dropped, sorted by <see cref="ExprOrder"/>; the numeric constant, if any, is one of the terms.
/// </summary>
/// <example><code>Expr e = Sum.Of(Sym.Var("x"), Sym.Var("x")); // 2 x: like terms merge</code></example>
public sealed record Sum : Expr
{
    private readonly bool random;

    /// <inheritdoc />
    public override bool IsRandom => random;

    private Sum(ExprList terms)
    {
        Terms = terms;
        random = terms.Any(f => f.IsRandom);
        SymbolMask = MaskOf(terms);
    }

    /// <summary>At least two terms, sorted.</summary>
    /// <example><code>ExprList terms = ((Sum)(Sym.Var("x") + Sym.Var("y"))).Terms; // "[x, y]"</code></example>
    public ExprList Terms { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => Terms;

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => Of(children);

    /// <summary>The sum of two expressions.</summary>
    /// <example><code>Expr e = Sum.Of(Sym.Var("x"), 1);</code></example>
    public static Expr Of(Expr a, Expr b) => Of([a, b]);

    /// <summary>The canonical sum of the given terms.</summary>
    /// <example><code>Expr e = Sum.Of(Enumerable.Range(1, 3).Select(k =&gt; (Expr)k * Sym.Var("x"))); // "6*x"</code></example>
    public static Expr Of(IEnumerable<Expr> terms)
    {
        // Linear search while small, a dictionary index once the sum grows.
        var rests = new List<Expr>(8);
        var coefficients = new List<Number>(8);
        Dictionary<Expr, int>? index = null;
        void Add(Expr t)
        {
            if (t is Sum s) { foreach (var u in s.Terms) Add(u); return; }
            var (c, rest) = Product.Split(t);
            if (c.IsZero) return;
            int found = -1;
            if (index is not null) found = index.GetValueOrDefault(rest, -1);
            else
            {
                int h = rest.GetHashCode();
                for (int k = 0; k < rests.Count; k++)
                    if (rests[k].GetHashCode() == h && rests[k].Equals(rest)) { found = k; break; }
            }
            if (found >= 0) { coefficients[found] += c; return; }
            rests.Add(rest);
            coefficients.Add(c);
            if (index is not null) index[rest] = rests.Count - 1;
            else if (rests.Count > 16)
            {
                index = new Dictionary<Expr, int>(rests.Count * 2);
                for (int k = 0; k < rests.Count; k++) index[rests[k]] = k;
            }
        }
        foreach (var t in terms) Add(t);
        var result = new List<Expr>(rests.Count);
        for (int k = 0; k < rests.Count; k++)
        {
            var c = coefficients[k];
            if (c.IsZero) continue;
            result.Add(rests[k] is Number ? c : c.IsOne ? rests[k] : Product.Of(c, rests[k]));
        }
        if (result.Count == 0) return Number.Zero;
        if (result.Count == 1) return result[0];
        var array = result.ToArray();
        Array.Sort(array, ExprOrder.Instance);
        return new Sum(ExprList.Owning(array));
    }
}
