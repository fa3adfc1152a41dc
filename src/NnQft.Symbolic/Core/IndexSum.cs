// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// Sum(body, (index, lower, upper)) over an integer index with a possibly symbolic range. Canonical at
/// construction: linear over sums, index-free factors pulled out, sum of an index-free body = body * count, and
/// Kronecker deltas contracted (sum_j delta_ij f(j) = f(i)), so sum_i delta_ii = d_v comes out by itself.
/// </summary>
/// <example><code>var i = Symbol.Index("i"); Expr s = IndexSum.Of(RandomVariable.Of("a", [i], []), i, Symbol.Count("D")); // "Sum(a_{i}, (i, 1, D))"</code></example>
public sealed record IndexSum : Expr
{
    private readonly bool random;

    /// <inheritdoc />
    public override bool IsRandom => random;

    private IndexSum(Expr body, Symbol index, Expr lower, Expr upper)
    {
        Body = body;
        Index = index;
        Lower = lower;
        Upper = upper;
        random = body.IsRandom;
        SymbolMask = body.SymbolMask | index.SymbolMask | lower.SymbolMask | upper.SymbolMask;
    }

    /// <summary>The summand.</summary>
    /// <example><code>var i = Symbol.Index("i"); var s = (IndexSum)IndexSum.Of(RandomVariable.Of("a", [i], []), i, Symbol.Count("D")); Expr body = s.Body;</code></example>
    public Expr Body { get; }

    /// <summary>The bound index.</summary>
    /// <example><code>var i = Symbol.Index("i"); var s = (IndexSum)IndexSum.Of(RandomVariable.Of("a", [i], []), i, Symbol.Count("D")); Symbol bound = s.Index; // "i"</code></example>
    public Symbol Index { get; }

    /// <summary>Lower bound (inclusive).</summary>
    /// <example><code>var i = Symbol.Index("i"); var s = (IndexSum)IndexSum.Of(RandomVariable.Of("a", [i], []), i, Symbol.Count("D")); Expr lo = s.Lower; // 1</code></example>
    public Expr Lower { get; }

    /// <summary>Upper bound (inclusive).</summary>
    /// <example><code>var i = Symbol.Index("i"); var s = (IndexSum)IndexSum.Of(RandomVariable.Of("a", [i], []), i, Symbol.Count("D")); Expr hi = s.Upper; // "D"</code></example>
    public Expr Upper { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [Body, Lower, Upper];

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => Of(children[0], Index, children[1], children[2]);

    /// <summary>The number of terms, upper - lower + 1.</summary>
    /// <example><code>var i = Symbol.Index("i"); var s = (IndexSum)IndexSum.Of(RandomVariable.Of("a", [i], []), i, 2, Symbol.Count("D")); Expr n = s.Count; // "D - 1"</code></example>
    public Expr Count => Sum.Of([Upper, Product.Of(Number.MinusOne, Lower), Number.One]);

    /// <summary>sum_{index = 1}^{upper} body.</summary>
    /// <example><code>var i = Symbol.Index("i"); Expr s = IndexSum.Of(Sym.Var("c"), i, Symbol.Count("D")); // c D: a constant body leaves the sum</code></example>
    public static Expr Of(Expr body, Symbol index, Expr upper) => Of(body, index, Number.One, upper);

    /// <summary>The canonical index sum.</summary>
    /// <example><code>var i = Symbol.Index("i"); Expr s = IndexSum.Of(RandomVariable.Of("a", [i], []), i, 2, Symbol.Count("D"));</code></example>
    public static Expr Of(Expr body, Symbol index, Expr lower, Expr upper)
    {
        if (body is Sum s) return Sum.Of(s.Terms.Select(t => Of(t, index, lower, upper)));
        if (!FreeSymbols.Contains(body, index)) return Product.Of(body, Sum.Of([upper, Product.Of(Number.MinusOne, lower), Number.One]));
        var factors = body is Product p ? p.Children : [body];
        foreach (var f in factors)
            if (f is KroneckerDelta d && (d.I.Equals(index) || d.J.Equals(index)))
            {
                var other = d.I.Equals(index) ? d.J : d.I;
                var rest = Product.Of(factors.Where(g => !ReferenceEquals(g, f)));
                return Substitution.Apply(rest, index, other);
            }
        var outside = factors.Where(f => !FreeSymbols.Contains(f, index)).ToList();
        if (outside.Count > 0)
            return Product.Of(Product.Of(outside), Of(Product.Of(factors.Where(f => FreeSymbols.Contains(f, index))), index, lower, upper));
        return new IndexSum(body, index, lower, upper);
    }

    /// <summary>This sum with its bound index renamed to <paramref name="fresh"/>.</summary>
    /// <example><code>
    /// var i = Symbol.Index("i"); var s = (IndexSum)IndexSum.Of(RandomVariable.Of("a", [i], []), i, Symbol.Count("D"));
    /// IndexSum same = s.Renamed(Symbol.Index("j")); // sum_j a_j
    /// </code></example>
    public IndexSum Renamed(Symbol fresh) =>
        fresh.Equals(Index) ? this : new IndexSum(Substitution.Apply(Body, Index, fresh), fresh, Lower, Upper);

    /// <summary>A name based on <paramref name="index"/> not in <paramref name="used"/>.</summary>
    /// <example><code>Symbol j = IndexSum.FreshIndex(Symbol.Index("i"), new HashSet&lt;string&gt; { "i" }); // "i1"</code></example>
    public static Symbol FreshIndex(Symbol index, ISet<string> used)
    {
        if (!used.Contains(index.Name)) return index;
        string stem = index.Name.TrimEnd("0123456789".ToCharArray());
        for (int k = 1; ; k++)
        {
            var name = stem + k;
            if (!used.Contains(name)) return index with { Name = name };
        }
    }
}
