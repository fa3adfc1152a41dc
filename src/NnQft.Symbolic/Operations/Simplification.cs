// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// Canonical simplification on request: every node is rebuilt through its canonical constructor (cheap; the
/// forms built by the operators already are canonical), optionally after full expansion, keeping the shorter.
/// </summary>
/// <example><code>var x = Sym.Var("x"); Expr e = Simplification.Simplify((x + 1) * (x + 1) - x * x, tryExpansion: true); // "2*x + 1"</code></example>
public static class Simplification
{
    /// <summary>The canonical form of e; with <paramref name="tryExpansion"/>, the expanded form when it prints shorter.</summary>
    /// <example><code>Expr e = Simplification.Simplify(Sym.Sqrt(Expr.Pow(Sym.Positive("l"), 2))); // "l"</code></example>
    public static Expr Simplify(Expr e, bool tryExpansion = false)
    {
        var canonical = Substitution.Rewrite(e, node => node.Rebuild(node.Children));
        if (!tryExpansion) return canonical;
        var expanded = Expansion.Expand(canonical);
        return TextPrinter.Print(expanded).Length < TextPrinter.Print(canonical).Length ? expanded : canonical;
    }
}
