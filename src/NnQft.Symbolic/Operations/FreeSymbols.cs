// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>The symbols an expression depends on (indices bound by index sums excluded).</summary>
/// <example><code>var i = Symbol.Index("i"); IReadOnlySet&lt;Symbol&gt; free = FreeSymbols.Of(IndexSum.Of(Apply.Of("f", [i, Sym.Var("x")]), i, Symbol.Count("D"))); // x and D, not i</code></example>
public static class FreeSymbols
{
    /// <summary>The free symbols.</summary>
    /// <example><code>IReadOnlySet&lt;Symbol&gt; free = FreeSymbols.Of(Sym.Var("x") * Sym.Var("y")); // x, y</code></example>
    public static IReadOnlySet<Symbol> Of(Expr e)
    {
        var set = new HashSet<Symbol>();
        Collect(e, set);
        return set;
    }

    /// <summary>The names of the free symbols.</summary>
    /// <example><code>string names = string.Join(",", FreeSymbols.Names(Sym.Var("x") + 1)); // "x"</code></example>
    public static IEnumerable<string> Names(Expr e) => Of(e).Select(s => s.Name);

    /// <summary>True if <paramref name="s"/> occurs free in <paramref name="e"/>.</summary>
    /// <example><code>bool hasX = FreeSymbols.Contains(Sym.Cos(Sym.Var("x")), Sym.Var("x")); // true</code></example>
    public static bool Contains(Expr e, Symbol s) => (e.SymbolMask & s.SymbolMask) != 0 && e switch
    {
        Symbol x => x.Equals(s),
        Number => false,
        IndexSum i => !i.Index.Equals(s) && (Contains(i.Body, s) || Contains(i.Lower, s) || Contains(i.Upper, s))
                      || i.Index.Equals(s) && (Contains(i.Lower, s) || Contains(i.Upper, s)),
        _ => e.Children.Any(c => Contains(c, s)),
    };

    private static void Collect(Expr e, HashSet<Symbol> set)
    {
        switch (e)
        {
            case Symbol s: set.Add(s); break;
            case IndexSum i:
                var inner = new HashSet<Symbol>();
                Collect(i.Body, inner);
                inner.Remove(i.Index);
                set.UnionWith(inner);
                Collect(i.Lower, set);
                Collect(i.Upper, set);
                break;
            default:
                foreach (var c in e.Children) Collect(c, set);
                break;
        }
    }
}
