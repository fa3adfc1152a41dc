// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// Contracts Kronecker deltas against index sums in one pass: sum_j delta_ij f(j) = f(i), chained through
/// union-find, then one substitution. Sums whose index no longer appears contribute their count
/// (sum_i 1 = d_v). Equivalent to rebuilding the sums one by one with <see cref="IndexSum.Of(Expr, Symbol, Expr, Expr)"/>, but linear.
/// </summary>
/// <example><code>var j = Symbol.Index("j"); var sum = (IndexSum)IndexSum.Of(RandomVariable.Of("a", [j], []), j, Symbol.Count("D"));
/// Expr e = DeltaContraction.Contract([sum], KroneckerDelta.Of(Symbol.Index("i"), j) * sum.Body); // a_i</code></example>
public static class DeltaContraction
{
    /// <summary>The monomial <paramref name="term"/> summed over <paramref name="sums"/> (outermost first), deltas contracted.</summary>
    /// <example><code>
    /// var j = Symbol.Index("j"); var sum = (IndexSum)IndexSum.Of(RandomVariable.Of("a", [j], []), j, Symbol.Count("D"));
    /// Expr e = DeltaContraction.Contract([sum], KroneckerDelta.Of(1, j) * sum.Body); // a_1
    /// </code></example>
    public static Expr Contract(IReadOnlyList<IndexSum> sums, Expr term)
    {
        var bound = sums.Select(s => s.Index).ToHashSet();
        var parent = new Dictionary<Expr, Expr>();
        Expr Find(Expr x)
        {
            while (parent.TryGetValue(x, out var p)) x = p;
            return x;
        }
        var factors = term is Product p0 ? p0.Children : (IReadOnlyList<Expr>)[term];
        var kept = new List<Expr>();
        foreach (var f in factors)
        {
            if (f is not KroneckerDelta d) { kept.Add(f); continue; }
            var a = Find(d.I);
            var b = Find(d.J);
            if (a.Equals(b)) continue;
            if (a is Symbol sa && bound.Contains(sa)) parent[a] = b;
            else if (b is Symbol sb && bound.Contains(sb)) parent[b] = a;
            else if (a is Number && b is Number) return Number.Zero;
            else kept.Add(KroneckerDelta.Of(a, b));
        }
        var map = parent.Keys.ToDictionary(k => k, Find);
        var body = Substitution.Apply(Product.Of(kept), map);
        var remaining = sums.Where(s => !map.ContainsKey(s.Index)).ToList();
        var (renamed, indices) = CanonicalNames(body, remaining);
        for (int k = remaining.Count - 1; k >= 0; k--) renamed = IndexSum.Of(renamed, indices[k], remaining[k].Lower, remaining[k].Upper);
        return renamed;
    }

    /// <summary>
    /// Renames the surviving bound indices h, h3, i2, ... to h1, h2, i1, ... in order, so that terms equal up to the
    /// names of their summation indices become structurally equal and merge.
    /// </summary>
    private static (Expr Body, Symbol[] Indices) CanonicalNames(Expr body, List<IndexSum> sums)
    {
        var old = sums.Select(s => s.Index).ToHashSet();
        var used = new HashSet<string>(FreeSymbols.Names(body).Where(n => !old.Any(o => o.Name == n)));
        var perStem = new Dictionary<string, int>();
        var indices = new Symbol[sums.Count];
        var map = new Dictionary<Expr, Expr>();
        for (int k = 0; k < sums.Count; k++)
        {
            var stem = sums[k].Index.Name.TrimEnd("0123456789".ToCharArray());
            string name;
            do
            {
                perStem[stem] = perStem.GetValueOrDefault(stem) + 1;
                name = stem + perStem[stem];
            } while (used.Contains(name));
            used.Add(name);
            indices[k] = sums[k].Index with { Name = name };
            if (!indices[k].Equals(sums[k].Index)) map[sums[k].Index] = indices[k];
        }
        return (Substitution.Apply(body, map), indices);
    }
}
