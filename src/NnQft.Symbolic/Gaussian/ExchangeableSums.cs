// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// Reduction of index sums over exchangeable labels (iid heads, tokens with one density): for k summed
/// indices over 1..N, sum_{i1..ik} f = sum over set partitions pi of N (N-1) ... (N-|pi|+1) f(labels of pi),
/// where indices in one block get the same concrete label and different blocks distinct labels 1, 2, ....
/// Valid when f is an expectation-level quantity invariant under relabelling (the caller's
/// <c>afterLabelling</c> canonicalises the labels, e.g. factorises independent heads).
/// </summary>
/// <example><code>
/// var t = Symbol.Index("t"); var T = Symbol.Count("T");
/// Expr e = ExchangeableSums.Reduce(IndexSum.Of(Expectation.Of(NetworkSymbols.A(t, Sym.Var("x1"))), t, T), T, body =&gt; body); // T E[A_1(x1)]
/// </code></example>
public static class ExchangeableSums
{
    /// <summary>Reduces every index sum with upper bound <paramref name="upper"/> (lower bound 1).</summary>
    /// <example><code>
    /// var h = Symbol.Index("h"); Expr nh = NetworkSymbols.Heads;
    /// Expr e = ExchangeableSums.Reduce(IndexSum.Of(Apply.Of("f", [h]), h, nh), nh, AttentionNetwork.StripHeads); // N_h f(1)
    /// </code></example>
    public static Expr Reduce(Expr e, Expr upper, Func<Expr, Expr> afterLabelling) =>
        Sum.Of(Prenex.Terms(e).Select(term => ReduceTerm(term, upper, afterLabelling)));

    private static Expr ReduceTerm(Expr term, Expr upper, Func<Expr, Expr> afterLabelling)
    {
        var prenex = Prenex.Of(term);
        var selected = prenex.Sums.Where(s => s.Upper.Equals(upper) && s.Lower is Number { IsOne: true }).ToList();
        if (selected.Count == 0) return term;
        var others = prenex.Sums.Where(s => !selected.Contains(s)).ToList();
        var body = Product.Of(prenex.Factors.Prepend(prenex.Coefficient));
        var terms = new List<Expr>();
        foreach (var partition in SetPartitions.Of(selected.Count))
        {
            var map = new Dictionary<Expr, Expr>();
            for (int b = 0; b < partition.Count; b++)
                foreach (var k in partition[b]) map[selected[k].Index] = Number.Of(b + 1);
            terms.Add(Product.Of(FallingFactorial(upper, partition.Count), afterLabelling(Substitution.Apply(body, map))));
        }
        return prenex.Wrap(Sum.Of(terms), others);
    }

    /// <summary>N (N-1) ... (N-k+1), the number of ways to give k blocks distinct labels.</summary>
    /// <example><code>Expr e = ExchangeableSums.FallingFactorial(Symbol.Count("T"), 2); // "T*(T - 1)"</code></example>
    public static Expr FallingFactorial(Expr n, int k) =>
        Product.Of(Enumerable.Range(0, k).Select(j => Sum.Of(n, Number.Of(-j))));

    /// <summary>Unrolls every index sum whose bounds are numbers into its explicit terms.</summary>
    /// <example><code>var t = Symbol.Index("t"); Expr e = ExchangeableSums.Unroll(IndexSum.Of(Apply.Of("f", [t]), t, 3)); // "f(1) + f(2) + f(3)"</code></example>
    public static Expr Unroll(Expr e) => Substitution.Rewrite(e, node =>
        node is IndexSum { Lower: Number lo, Upper: Number hi } s && lo.IsInteger && hi.IsInteger
            ? Sum.Of(Enumerable.Range((int)lo.Numerator, (int)(hi.Numerator - lo.Numerator) + 1)
                .Select(n => Substitution.Apply(s.Body, s.Index, Number.Of(n))))
            : node);
}
