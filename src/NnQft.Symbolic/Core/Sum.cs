// SPDX-License-Identifier: MIT

namespace NnQft.Symbolic;

/// <summary>
/// A canonical n-ary sum: flattened, like terms merged (terms equal up to a rational coefficient), zero terms
/// dropped, sorted by <see cref="ExprOrder"/>; the numeric constant, if any, is one of the terms.
/// </summary>
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
    public ExprList Terms { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => Terms;

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => Of(children);

    /// <summary>The sum of two expressions.</summary>
    public static Expr Of(Expr a, Expr b) => Of([a, b]);

    /// <summary>The canonical sum of the given terms.</summary>
    public static Expr Of(IEnumerable<Expr> terms)
    {
        var coefficients = new Dictionary<Expr, Number>();
        var order = new List<Expr>();
        void Add(Expr t)
        {
            if (t is Sum s) { foreach (var u in s.Terms) Add(u); return; }
            var (c, rest) = Product.Split(t);
            if (c.IsZero) return;
            if (coefficients.TryGetValue(rest, out var old)) coefficients[rest] = old + c;
            else { coefficients[rest] = c; order.Add(rest); }
        }
        foreach (var t in terms) Add(t);
        var result = new List<Expr>();
        foreach (var rest in order)
        {
            var c = coefficients[rest];
            if (c.IsZero) continue;
            result.Add(rest is Number ? c : Product.Of(c, rest));
        }
        if (result.Count == 0) return Number.Zero;
        if (result.Count == 1) return result[0];
        result.Sort(ExprOrder.Instance);
        return new Sum(result.ToExprList());
    }
}
