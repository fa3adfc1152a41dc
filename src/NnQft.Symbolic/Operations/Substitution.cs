// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// Replaces sub-expressions, rebuilding canonically. Bound indices are respected: a sum's own index is never
/// replaced inside it, and a sum whose index would capture a free symbol of the replacement is renamed first.
/// </summary>
/// <example><code>var x = Sym.Var("x"); Expr e = Substitution.Apply(x * x + 1, x, 2); // 5</code></example>
public static class Substitution
{
    /// <summary>e with every occurrence of <paramref name="target"/> replaced by <paramref name="replacement"/>.</summary>
    /// <example><code>var x = Sym.Var("x"); Expr e = Substitution.Apply(Sym.Sin(x), x, 2 * Sym.Var("y")); // "sin(2*y)"</code></example>
    public static Expr Apply(Expr e, Expr target, Expr replacement) =>
        Apply(e, new Dictionary<Expr, Expr> { [target] = replacement });

    /// <summary>e with the given replacements applied simultaneously.</summary>
    /// <example><code>
    /// var (x, y) = (Sym.Var("x"), Sym.Var("y"));
    /// Expr swapped = Substitution.Apply(x - y, new Dictionary&lt;Expr, Expr&gt; { [x] = y, [y] = x }); // y - x
    /// </code></example>
    public static Expr Apply(Expr e, IReadOnlyDictionary<Expr, Expr> map)
    {
        if (map.Count == 0) return e;
        var capture = new HashSet<string>(map.Values.SelectMany(FreeSymbols.Names));
        // Subtrees whose mask misses every key's symbols cannot contain a key (keys without symbols disable the shortcut).
        ulong[] keyMasks = map.Keys.Select(k => k.SymbolMask).ToArray();
        return keyMasks.All(m => m != 0) ? Walk(e, map, capture, keyMasks) : Walk(e, map, capture, null);
    }

    /// <summary>e with <paramref name="rewrite"/> applied bottom-up to every node (the function returns its input to keep it).</summary>
    /// <example><code>Expr e = Substitution.Rewrite(Sym.Var("x") + Sym.Var("y"), node =&gt; node is Symbol s ? Sym.Var(s.Name + "'") : node); // "x' + y'"</code></example>
    public static Expr Rewrite(Expr e, Func<Expr, Expr> rewrite)
    {
        var children = e.Children;
        if (children.Count == 0) return rewrite(e);
        var rebuilt = new Expr[children.Count];
        bool changed = false;
        for (int k = 0; k < children.Count; k++)
        {
            rebuilt[k] = Rewrite(children[k], rewrite);
            changed |= !ReferenceEquals(rebuilt[k], children[k]);
        }
        return rewrite(changed ? e.Rebuild(rebuilt) : e);
    }

    private static Expr Walk(Expr e, IReadOnlyDictionary<Expr, Expr> map, HashSet<string> capture, ulong[]? keyMasks)
    {
        if (keyMasks is not null && !keyMasks.Any(m => (e.SymbolMask & m) == m)) return e;
        if (map.TryGetValue(e, out var r)) return r;
        switch (e)
        {
            case Number or Symbol: return e;
            case IndexSum i:
                var inner = map.Where(kv => !FreeSymbols.Contains(kv.Key, i.Index)).ToDictionary(kv => kv.Key, kv => kv.Value);
                var sum = i;
                if (capture.Contains(i.Index.Name))
                {
                    var used = new HashSet<string>(capture);
                    used.UnionWith(FreeSymbols.Names(i.Body));
                    sum = i.Renamed(IndexSum.FreshIndex(i.Index, used));
                }
                return IndexSum.Of(Walk(sum.Body, inner, capture, keyMasks), sum.Index, Walk(sum.Lower, map, capture, keyMasks), Walk(sum.Upper, map, capture, keyMasks));
            default:
                var children = e.Children;
                var rebuilt = new Expr[children.Count];
                bool changed = false;
                for (int k = 0; k < children.Count; k++)
                {
                    rebuilt[k] = Walk(children[k], map, capture, keyMasks);
                    changed |= !ReferenceEquals(rebuilt[k], children[k]);
                }
                return changed ? e.Rebuild(rebuilt) : e;
        }
    }
}
