// SPDX-License-Identifier: MIT

namespace NnQft.Symbolic;

/// <summary>
/// The joint cumulant kappa(X1, ..., Xn) of opaque random expressions (n = 2: the covariance Cov(X, Y)).
/// Canonical at construction: multilinear (sums, deterministic factors and index sums come out), zero when an
/// argument is deterministic, symmetric (arguments sorted); kappa(X) = E[X].
/// </summary>
/// <example><code>var y = RandomVariable.Of("y", [], [Sym.Var("x1")]); Expr k2 = Cumulant.Of([y, y]);</code></example>
public sealed record Cumulant : Expr
{
    private Cumulant(ExprList args)
    {
        Args = args;
        SymbolMask = MaskOf(args);
    }

    /// <summary>At least two random arguments, sorted.</summary>
    /// <example><code>
    /// var y = RandomVariable.Of("y", [], [Sym.Var("x1")]);
    /// int n = ((Cumulant)Cumulant.Covariance(y, y * y)).Args.Count; // 2
    /// </code></example>
    public ExprList Args { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => Args;

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => Of(children);

    /// <inheritdoc />
    public override bool IsRandom => false;

    /// <summary>Cov(x, y).</summary>
    /// <example><code>var a = RandomVariable.Of("a", [], []); var b = RandomVariable.Of("b", [], []); Expr cov = Cumulant.Covariance(a, b);</code></example>
    public static Expr Covariance(Expr x, Expr y) => Of([x, y]);

    /// <summary>The canonical joint cumulant.</summary>
    /// <example><code>var a = RandomVariable.Of("a", [], []); Expr k4 = Cumulant.Of([a, a, a, a]);</code></example>
    public static Expr Of(IReadOnlyList<Expr> args)
    {
        if (args.Count == 0) throw new ArgumentException("a cumulant needs at least one argument", nameof(args));
        if (args.Count == 1) return Expectation.Of(args[0]);
        if (args.Any(a => !a.IsRandom)) return Number.Zero;
        for (int k = 0; k < args.Count; k++)
        {
            var a = args[k];
            Expr With(Expr replacement) => Of([.. args.Take(k), replacement, .. args.Skip(k + 1)]);
            switch (a)
            {
                case Sum s:
                    return Sum.Of(s.Terms.Select(With));
                case Product p when p.Children.Any(f => !f.IsRandom):
                    return Product.Of(Product.Of(p.Children.Where(f => !f.IsRandom)), With(Product.Of(p.Factors.Where(f => f.IsRandom))));
                case Product or Power when a is Power pw0 ? Expectation.NeedsExpansion(pw0) : ((Product)a).Factors.Any(Expectation.NeedsExpansion):
                    var terms = Prenex.Terms(a);
                    if (terms.Count != 1) return Sum.Of(terms.Select(With));
                    // One monomial with index sums inside: pull them out, renamed apart from the other arguments.
                    var prenex = Prenex.Of(terms[0], args.Where((_, j) => j != k).SelectMany(FreeSymbols.Names));
                    return prenex.Wrap(With(Product.Of(prenex.Factors.Prepend(prenex.Coefficient))));
                case IndexSum i:
                    // Rename the bound index only if it clashes with a name used by the other arguments.
                    var used = new HashSet<string>(args.Where((_, j) => j != k).SelectMany(FreeSymbols.Names));
                    used.UnionWith(FreeSymbols.Names(i));
                    var fresh = i.Renamed(IndexSum.FreshIndex(i.Index, used));
                    return IndexSum.Of(With(fresh.Body), fresh.Index, fresh.Lower, fresh.Upper);
            }
        }
        return new Cumulant(args.Order(ExprOrder.Instance).ToExprList());
    }
}
