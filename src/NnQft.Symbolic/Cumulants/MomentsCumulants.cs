// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// Moments and cumulants through set partitions: m(1..n) = sum_pi prod_B kappa(B) and
/// kappa(1..n) = sum_pi (-1)^(|pi|-1) (|pi|-1)! prod_B m(B). Used for connected correlators of the field and
/// for the canonical cumulant form of opaque expectations.
/// </summary>
/// <example><code>
/// var y = RandomVariable.Of("y", [], []);
/// Expr k2 = MomentsCumulants.Connected(2, block =&gt; Expectation.Of(Product.Of(block.Select(_ =&gt; (Expr)y)))); // E[y^2] - E[y]^2
/// </code></example>
public static class MomentsCumulants
{
    /// <summary>The connected part from moments of sub-collections: <paramref name="moment"/> gets the ascending index list of a block.</summary>
    /// <example><code>Expr k2 = MomentsCumulants.Connected(2, block =&gt; Apply.Of("m", block.Select(i =&gt; (Expr)(i + 1)))); // "m(1, 2) - m(1)*m(2)"</code></example>
    public static Expr Connected(int n, Func<IReadOnlyList<int>, Expr> moment)
    {
        var cache = new Dictionary<string, Expr>();
        Expr M(IReadOnlyList<int> block)
        {
            var key = string.Join(",", block);
            if (!cache.TryGetValue(key, out var m)) cache[key] = m = moment(block);
            return m;
        }
        return Sum.Of(SetPartitions.Of(n).Select(p => Product.Of(p.Select(M).Prepend(SetPartitions.Moebius(p.Count)))));
    }

    /// <summary>The moment from joint cumulants of sub-collections.</summary>
    /// <example><code>Expr m2 = MomentsCumulants.MomentFromCumulants(2, block =&gt; Apply.Of("k", block.Select(i =&gt; (Expr)(i + 1)))); // "k(1, 2) + k(1)*k(2)"</code></example>
    public static Expr MomentFromCumulants(int n, Func<IReadOnlyList<int>, Expr> cumulant) =>
        Sum.Of(SetPartitions.Of(n).Select(p => Product.Of(p.Select(cumulant))));

    /// <summary>Rewrites every E[X1 ... Xn] (n >= 2 random factors) as sum over partitions of products of joint cumulants.</summary>
    /// <example><code>var a = RandomVariable.Of("a", [], []); Expr e = MomentsCumulants.ToCumulantForm(Expectation.Of(a * a)); // Cov(a, a) + E[a]^2</code></example>
    public static Expr ToCumulantForm(Expr e) => Substitution.Rewrite(e, node =>
    {
        if (node is not Expectation x) return node;
        var factors = RandomFactors(x.Body);
        if (factors.Count < 2) return node;
        return MomentFromCumulants(factors.Count, block => Cumulant.Of(block.Select(i => factors[i]).ToList()));
    });

    /// <summary>Rewrites every joint cumulant as moments: kappa = sum_pi mu(pi) prod_B E[prod_{i in B} X_i].</summary>
    /// <example><code>var a = RandomVariable.Of("a", [], []); Expr e = MomentsCumulants.ToMomentForm(Cumulant.Covariance(a, a)); // "-E[a]^2 + E[a^2]"</code></example>
    public static Expr ToMomentForm(Expr e) => Substitution.Rewrite(e, node =>
    {
        if (node is not Cumulant c) return node;
        var args = c.Args;
        return Connected(args.Count, block => Expectation.Of(Product.Of(block.Select(i => args[i]))));
    });

    /// <summary>The random factors of a product, powers repeated.</summary>
    /// <example><code>var a = RandomVariable.Of("a", [], []); int n = MomentsCumulants.RandomFactors(a * a).Count; // 2: the power a^2 is listed as a, a</code></example>
    public static IReadOnlyList<Expr> RandomFactors(Expr body)
    {
        var list = new List<Expr>();
        foreach (var f in body is Product p ? p.Factors : (IReadOnlyList<Expr>)[body])
        {
            if (f is Power { Exponent: Number { IsInteger: true } n } pw && n.Numerator.Sign > 0 && n.Numerator < 64)
                list.AddRange(Enumerable.Repeat(pw.Base, (int)n.Numerator));
            else list.Add(f);
        }
        return list;
    }
}
