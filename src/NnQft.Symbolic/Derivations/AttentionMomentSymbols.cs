// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// Notation for expectations of attention weights and Grams: canonical token labels for exchangeable tokens
/// (the labelling that sorts first among all relabellings) and the moment symbols of docs/cli.md section 4,
/// M2(t, xa, xb) = E[A_t(xa) A_t(xb)], M4(t, u, xa, xb, xc, xd) = E[A_t(xa) A_t(xb) A_u(xc) A_u(xd)], and in
/// general M{2n}(t1..tn, points in pairs).
/// </summary>
/// <example><code>Expr m2 = AttentionMomentSymbols.Moment([(1, Sym.Var("x1"), Sym.Var("x2"))]); // "M2(1, x1, x2)"</code></example>
public static class AttentionMomentSymbols
{
    /// <summary>Relabels the tokens inside every expectation canonically (valid for exchangeable tokens only).</summary>
    /// <example><code>
    /// var t = Symbol.Index("t");
    /// Expr e = AttentionMomentSymbols.CanonicalTokenLabels(Expectation.Of(NetworkSymbols.A(2, Sym.Var("x1")) * NetworkSymbols.A(2, Sym.Var("x2")))); // token 2 relabelled 1
    /// </code></example>
    public static Expr CanonicalTokenLabels(Expr e) => CanonicalTokenLabels(e, new Dictionary<Expr, Expr>());

    /// <summary>As <see cref="CanonicalTokenLabels(Expr)"/>, sharing a memo of already relabelled expectations.</summary>
    // Internal: a public method filling a caller's mutable dictionary is not an F#-friendly contract.
    internal static Expr CanonicalTokenLabels(Expr e, Dictionary<Expr, Expr> memo) => Substitution.Rewrite(e, node =>
    {
        if (node is not Expectation x) return node;
        if (!memo.TryGetValue(x, out var r)) memo[x] = r = Relabel(x);
        return r;
    });

    /// <summary>Rewrites expectations of products of attention weights (same-token pairs) as M symbols.</summary>
    /// <example><code>Expr m2 = AttentionMomentSymbols.ToMomentSymbols(Expectation.Of(NetworkSymbols.A(1, Sym.Var("x1")) * NetworkSymbols.A(1, Sym.Var("x2")))); // "M2(1, x1, x2)"</code></example>
    public static Expr ToMomentSymbols(Expr e) => Substitution.Rewrite(e, node =>
        node is Expectation x ? AsMoment(x) : node);

    /// <summary>Both steps: relabel when exchangeable, then M symbols.</summary>
    /// <example><code>Expr m2 = AttentionMomentSymbols.Canonicalize(Expectation.Of(NetworkSymbols.A(3, Sym.Var("x1")) * NetworkSymbols.A(3, Sym.Var("x2"))), exchangeable: true); // "M2(1, x1, x2)"</code></example>
    public static Expr Canonicalize(Expr e, bool exchangeable) => ToMomentSymbols(exchangeable ? CanonicalTokenLabels(e) : e);

    /// <summary>The moment symbol for E[prod A_{t_j}(xa_j) A_{t_j}(xb_j)].</summary>
    /// <example><code>Expr m4 = AttentionMomentSymbols.Moment([(1, Sym.Var("x1"), Sym.Var("x2")), (2, Sym.Var("x3"), Sym.Var("x4"))]); // "M4(1, 2, x1, x2, x3, x4)"</code></example>
    public static Expr Moment(IReadOnlyList<(Expr Token, Expr A, Expr B)> pairs) =>
        AsMoment((Expectation)Expectation.Of(Product.Of(pairs.SelectMany(p => new Expr[] { NetworkSymbols.A(p.Token, p.A), NetworkSymbols.A(p.Token, p.B) }))));

    private static Expr Relabel(Expectation x)
    {
        var labels = TokenLabels(x.Body);
        if (labels.Count == 0) return x;
        // Labels are ordered by a label-blind signature; only labels with equal signatures are permuted, and the
        // smallest candidate wins. The candidate set does not depend on the input labelling, so the result is canonical.
        var groups = labels.GroupBy(l => Signature(x.Body, l), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        Expr? best = null;
        foreach (var order in GroupOrders(groups, 0))
        {
            var map = new Dictionary<Expr, Expr>();
            for (int k = 0; k < order.Count; k++) map[order[k]] = Number.Of(k + 1);
            var candidate = RelabelTokens(x.Body, map);
            if (best is null || ExprOrder.Instance.Compare(candidate, best) < 0) best = candidate;
        }
        return Expectation.Of(best!);
    }

    private static IEnumerable<List<Expr>> GroupOrders(List<List<Expr>> groups, int g)
    {
        if (g == groups.Count) { yield return []; yield break; }
        foreach (var perm in Permutations(groups[g].Count))
            foreach (var rest in GroupOrders(groups, g + 1))
                yield return [.. perm.Select(i => groups[g][i]), .. rest];
    }

    private static string Signature(Expr body, Expr label)
    {
        var parts = new List<string>();
        foreach (var f in MomentsCumulants.RandomFactors(body))
            if (f is RandomVariable r && r.Indices.Contains(label))
                parts.Add(r.Name + "|" + string.Join(",", r.Points.Select(TextPrinter.Print)) + "|" +
                          string.Concat(r.Indices.Select(i => i.Equals(label) ? "s" : "o")));
        parts.Sort(StringComparer.Ordinal);
        return string.Join(";", parts);
    }

    private static List<Expr> TokenLabels(Expr body)
    {
        var labels = new List<Expr>();
        void Walk(Expr e)
        {
            if (e is RandomVariable { Name: NetworkSymbols.Attention or NetworkSymbols.Gram } r)
                foreach (var i in r.Indices) if (i is Number && !labels.Contains(i)) labels.Add(i);
            foreach (var c in e.Children) Walk(c);
        }
        Walk(body);
        return labels;
    }

    private static Expr RelabelTokens(Expr body, Dictionary<Expr, Expr> map) => Substitution.Rewrite(body, node =>
        node is RandomVariable { Name: NetworkSymbols.Attention or NetworkSymbols.Gram } r
            ? RandomVariable.Of(r.Name, r.Indices.Select(i => map.GetValueOrDefault(i, i)), r.Points)
            : node);

    private static Expr AsMoment(Expectation x)
    {
        var factors = MomentsCumulants.RandomFactors(x.Body);
        if (factors.Any(f => f is not RandomVariable { Name: NetworkSymbols.Attention, Indices.Count: 1 } r || r.Indices[0] is not Number))
            return x;
        var byToken = factors.Cast<RandomVariable>().GroupBy(r => r.Indices[0]).OrderBy(g => g.Key, ExprOrder.Instance).ToList();
        if (byToken.Any(g => g.Count() % 2 == 1)) return x;
        var tokens = new List<Expr>();
        var points = new List<Expr>();
        foreach (var g in byToken)
        {
            var pts = g.Select(r => r.Points[0]).Order(ExprOrder.Instance).ToList();
            for (int k = 0; k < pts.Count; k += 2)
            {
                tokens.Add(g.Key);
                points.Add(pts[k]);
                points.Add(pts[k + 1]);
            }
        }
        return AttentionMoment.Paired(tokens.Select((t, k) => (t, points[2 * k], points[2 * k + 1])));
    }

    private static IEnumerable<int[]> Permutations(int n)
    {
        if (n == 0) { yield return []; yield break; }
        foreach (var p in Permutations(n - 1))
            for (int pos = 0; pos <= p.Length; pos++)
                yield return [.. p.Take(pos), n - 1, .. p.Skip(pos)];
    }
}
