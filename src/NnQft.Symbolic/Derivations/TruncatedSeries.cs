// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// A power series in a small parameter kept as its coefficients c_0..c_N, with products truncated at N as they are
/// formed. Multiplying the full polynomials and dropping high powers afterwards would build (N+1)^k terms for a
/// k-fold product; truncating on the way keeps only the terms that survive. Products of coefficients are expanded,
/// so like terms merge and the coefficients stay flat polynomials.
/// </summary>
internal sealed class TruncatedSeries
{
    private readonly Expr[] coefficients;

    /// <summary>The series with these coefficients; <paramref name="order"/> is the highest power kept.</summary>
    public TruncatedSeries(int order, Func<int, Expr> coefficient)
    {
        Order = order;
        coefficients = Enumerable.Range(0, order + 1).Select(coefficient).ToArray();
    }

    /// <summary>The highest power kept.</summary>
    public int Order { get; }

    /// <summary>The coefficient of eps^k (0 beyond the order).</summary>
    public Expr this[int k] => k <= Order ? coefficients[k] : Number.Zero;

    /// <summary>The constant series c.</summary>
    public static TruncatedSeries Constant(int order, Expr c) => new(order, k => k == 0 ? c : Number.Zero);

    /// <summary>The Taylor polynomial of <paramref name="e"/> in <paramref name="eps"/>, as a series (the engine's <see cref="Series.Taylor(Expr, Symbol, int)"/>).</summary>
    public static TruncatedSeries Taylor(Expr e, Symbol eps, int order)
    {
        var polynomial = Series.Taylor(e, eps, order);
        return new(order, k => Series.Coefficient(polynomial, eps, k));
    }

    /// <summary>The series with <paramref name="map"/> applied to every coefficient.</summary>
    public TruncatedSeries Select(Func<int, Expr, Expr> map) => new(Order, k => map(k, coefficients[k]));

    /// <summary>The product, truncated at the lower of the two orders.</summary>
    public TruncatedSeries Times(TruncatedSeries other)
    {
        int order = Math.Min(Order, other.Order);
        var terms = Enumerable.Range(0, order + 1).Select(_ => new List<Expr>()).ToArray();
        for (int i = 0; i <= order; i++)
        {
            if (this[i] is Number { IsZero: true }) continue;
            for (int j = 0; i + j <= order; j++)
                if (other[j] is not Number { IsZero: true }) terms[i + j].Add(Distribute(this[i], other[j]));
        }
        return new(order, k => Sum.Of(terms[k]));
    }

    /// <summary>
    /// This series s (which must have no constant term) raised to the powers 0, 1, 2, ...: s^k = O(eps^k), so the
    /// list stops at the first power that truncates to zero (at most order + 1 entries).
    /// </summary>
    public IReadOnlyList<TruncatedSeries> Powers()
    {
        if (this[0] is not Number { IsZero: true }) throw new ArgumentException("the series must have no constant term: " + this[0]);
        var powers = new List<TruncatedSeries> { Constant(Order, Number.One) };
        while (true)
        {
            var next = powers[^1].Times(this);
            if (next.IsZero) return powers;
            powers.Add(next);
        }
    }

    /// <summary>g(s) = sum_k g_k s^k for this series s without constant term (s^k beyond the order drop out).</summary>
    public TruncatedSeries Compose(IReadOnlyList<Expr> outer)
    {
        var powers = Powers();
        return new(Order, j => Sum.Of(powers.Select((p, k) => k < outer.Count ? Expansion.Expand(Product.Of(outer[k], p[j])) : Number.Zero)));
    }

    /// <summary>True when every coefficient is 0.</summary>
    public bool IsZero => coefficients.All(c => c is Number { IsZero: true });

    /// <summary>(sum a_i)(sum b_j) = sum a_i b_j with every product expanded, so that like terms merge.</summary>
    private static Expr Distribute(Expr a, Expr b)
    {
        var left = a is Sum sa ? sa.Terms : (IReadOnlyList<Expr>)[a];
        var right = b is Sum sb ? sb.Terms : (IReadOnlyList<Expr>)[b];
        var products = new List<Expr>(left.Count * right.Count);
        foreach (var x in left)
            foreach (var y in right)
            {
                // A product of two monomials is a monomial; only a factor that is itself a sum needs expanding.
                var product = Product.Of(x, y);
                products.Add(product is Product q && q.Factors.Any(f => f is Sum || f is Power { Base: Sum }) ? Expansion.Expand(product) : product);
            }
        return Sum.Of(products);
    }
}
