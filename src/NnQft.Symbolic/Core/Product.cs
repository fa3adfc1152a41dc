// SPDX-License-Identifier: MIT

namespace NnQft.Symbolic;

/// <summary>
/// A canonical n-ary product: an exact coefficient times at least one non-numeric factor, factors flattened,
/// equal bases merged by adding exponents, and sorted by <see cref="ExprOrder"/>.
/// </summary>
/// <example><code>Expr e = Product.Of(3, Sym.Var("x")); // 3 x, kept as coefficient and factors</code></example>
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
    /// <example><code>Number c = ((Product)(3 * Sym.Var("x") * Sym.Var("y"))).Coefficient; // 3</code></example>
    public Number Coefficient { get; }

    /// <summary>The non-numeric factors, sorted.</summary>
    /// <example><code>ExprList f = ((Product)(3 * Sym.Var("x") * Sym.Var("y"))).Factors; // "[x, y]"</code></example>
    public ExprList Factors { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => Coefficient.IsOne ? Factors : [Coefficient, .. Factors];

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => Of(children);

    /// <summary>The product of two expressions.</summary>
    /// <example><code>Expr e = Product.Of(Sym.Var("x"), Sym.Var("x")); // "x^2"</code></example>
    public static Expr Of(Expr a, Expr b) => Of([a, b]);

    /// <summary>The canonical product of the given factors.</summary>
    /// <example><code>Expr e = Product.Of([2, Sym.Var("x"), Sym.Var("y")]);</code></example>
    public static Expr Of(IEnumerable<Expr> factors)
    {
        // Small products dominate: a list with linear search beats a dictionary and allocates less.
        var coefficient = Number.One;
        var bases = new List<Expr>(8);
        var exponents = new List<Expr>(8);
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
            int h = b.GetHashCode();
            for (int k = 0; k < bases.Count; k++)
                if (bases[k].GetHashCode() == h && bases[k].Equals(b)) { exponents[k] = Sum.Of(exponents[k], e); return; }
            bases.Add(b);
            exponents.Add(e);
        }
        foreach (var f in factors) Add(f);
        if (coefficient.IsZero) return Number.Zero;

        var rest = new List<Expr>(bases.Count);
        for (int k = 0; k < bases.Count; k++)
        {
            var e = exponents[k];
            var p = e is Number { IsOne: true } ? bases[k] : Power.Of(bases[k], e);
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
        if (rest.Count == 1 && coefficient.IsOne) return rest[0];
        var array = rest.ToArray();
        Array.Sort(array, ExprOrder.Instance);
        return new Product(coefficient, ExprList.Owning(array));
    }

    private static bool HasRepeatedBase(List<Expr> factors)
    {
        for (int i = 0; i < factors.Count; i++)
        {
            var a = factors[i] is Power p ? p.Base : factors[i];
            for (int j = i + 1; j < factors.Count; j++)
                if ((factors[j] is Power q ? q.Base : factors[j]).Equals(a)) return true;
        }
        return false;
    }

    /// <summary>Splits an expression into its rational coefficient and the rest (1 when purely numeric).</summary>
    /// <example><code>var (c, rest) = Product.Split(6 * Sym.Var("x")); // 6 and x</code></example>
    public static (Number Coefficient, Expr Remainder) Split(Expr e) => e switch
    {
        Number n => (n, Number.One),
        Product p => (p.Coefficient, p.Coefficient.IsOne ? p : Of(p.Factors)),
        _ => (Number.One, e),
    };
}
