// SPDX-License-Identifier: MIT

namespace NnQft.Symbolic;

/// <summary>
/// A canonical n-ary product: an exact coefficient times at least one non-numeric factor, factors flattened,
/// equal bases merged by adding exponents, and sorted by <see cref="ExprOrder"/>.
/// </summary>
public sealed record Product : Expr
{
    private readonly bool random;

    /// <inheritdoc />
    public override bool IsRandom => random;

    private Product(Number coefficient, ExprList factors)
    {
        Coefficient = coefficient;
        Factors = factors;
        random = factors.Any(f => f.IsRandom);
        SymbolMask = MaskOf(factors);
    }

    /// <summary>The rational coefficient (never 0; 1 is allowed only with two or more factors).</summary>
    public Number Coefficient { get; }

    /// <summary>The non-numeric factors, sorted.</summary>
    public ExprList Factors { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => Coefficient.IsOne ? Factors : [Coefficient, .. Factors];

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => Of(children);

    /// <summary>The product of two expressions.</summary>
    public static Expr Of(Expr a, Expr b) => Of([a, b]);

    /// <summary>The canonical product of the given factors.</summary>
    public static Expr Of(IEnumerable<Expr> factors)
    {
        var coefficient = Number.One;
        var exponents = new Dictionary<Expr, Expr>();
        var order = new List<Expr>();
        void Add(Expr f)
        {
            switch (f)
            {
                case Number n: coefficient *= n; break;
                case Product p:
                    coefficient *= p.Coefficient;
                    foreach (var g in p.Factors) Add(g);
                    break;
                case Power pw: Accumulate(pw.Base, pw.Exponent); break;
                default: Accumulate(f, Number.One); break;
            }
        }
        void Accumulate(Expr b, Expr e)
        {
            if (exponents.TryGetValue(b, out var old)) exponents[b] = Sum.Of(old, e);
            else { exponents[b] = e; order.Add(b); }
        }
        foreach (var f in factors) Add(f);
        if (coefficient.IsZero) return Number.Zero;

        var rest = new List<Expr>();
        foreach (var b in order)
        {
            var p = Power.Of(b, exponents[b]);
            switch (p)
            {
                case Number n: coefficient *= n; break;
                case Product q:
                    // An integer power of a product distributes; its pieces are already canonical.
                    coefficient *= q.Coefficient;
                    rest.AddRange(q.Factors);
                    break;
                default: rest.Add(p); break;
            }
        }
        if (coefficient.IsZero) return Number.Zero;
        if (rest.Count == 0) return coefficient;
        if (rest.Count > 1 && HasRepeatedBase(rest)) return Of(rest.Prepend(coefficient));
        rest.Sort(ExprOrder.Instance);
        if (rest.Count == 1 && coefficient.IsOne) return rest[0];
        return new Product(coefficient, rest.ToExprList());
    }

    private static bool HasRepeatedBase(List<Expr> factors)
    {
        var seen = new HashSet<Expr>();
        foreach (var f in factors)
            if (!seen.Add(f is Power p ? p.Base : f)) return true;
        return false;
    }

    /// <summary>Splits an expression into its rational coefficient and the rest (1 when purely numeric).</summary>
    public static (Number Coefficient, Expr Remainder) Split(Expr e) => e switch
    {
        Number n => (n, Number.One),
        Product p => (p.Coefficient, p.Coefficient.IsOne ? p : Of(p.Factors)),
        _ => (Number.One, e),
    };
}
