// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// The total order that canonical sums and products sort by: node kind first, then content (numbers by value,
/// names naturally so x2 sorts before x10, lists lexicographically).
/// </summary>
/// <example><code>var sorted = new List&lt;Expr&gt; { Sym.Var("y"), Sym.Var("x") }.Order(ExprOrder.Instance).ToList(); // x, y</code></example>
public sealed class ExprOrder : IComparer<Expr>
{
    /// <summary>The only instance.</summary>
    /// <example><code>IComparer&lt;Expr&gt; order = ExprOrder.Instance;</code></example>
    public static ExprOrder Instance { get; } = new();

    private static int Rank(Expr e) => e switch
    {
        Number => 0,
        // A constant sorts among the symbols by its name (pi between p and q), as the symbol it replaced did.
        Symbol or MathConstant => 1,
        Kernel => 2,
        // Attention moments sort with named functions (by their M2/M4/... name, then arguments).
        Apply or AttentionMoment => 3,
        RandomVariable => 4,
        KroneckerDelta => 5,
        FunctionCall => 6,
        Power => 7,
        Product => 8,
        Sum => 9,
        IndexSum => 10,
        Expectation => 11,
        Cumulant => 12,
        _ => throw new NotSupportedException(e.GetType().Name),
    };

    /// <inheritdoc />
    /// <example><code>int c = ExprOrder.Instance.Compare(Sym.Var("x2"), Sym.Var("x10")); // negative: natural order</code></example>
    public int Compare(Expr? x, Expr? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        // Powers sort next to their base so that x, x^2, y read naturally.
        if (x is Power px && y is not Power) { int c0 = Compare(px.Base, y); return c0 != 0 ? c0 : 1; }
        if (y is Power py && x is not Power) { int c0 = Compare(x, py.Base); return c0 != 0 ? c0 : -1; }
        int r = Rank(x).CompareTo(Rank(y));
        if (r != 0) return r;
        return (x, y) switch
        {
            (Number a, Number b) => a.CompareValue(b),
            (Symbol a, Symbol b) => NaturalCompare(a.Name, b.Name),
            (MathConstant a, MathConstant b) => a.Kind.CompareTo(b.Kind),
            (MathConstant a, Symbol b) => Chain(NaturalCompare(a.Name, b.Name), () => -1),
            (Symbol a, MathConstant b) => Chain(NaturalCompare(a.Name, b.Name), () => 1),
            (Kernel a, Kernel b) => Lex([a.Token, a.A, a.B], [b.Token, b.A, b.B]),
            (Apply a, Apply b) => Chain(NaturalCompare(a.Name, b.Name), () => Lex(a.Args, b.Args)),
            (AttentionMoment a, AttentionMoment b) => Chain(a.Degree.CompareTo(b.Degree), () => Lex(a.Children, b.Children)),
            (AttentionMoment a, Apply b) => Chain(NaturalCompare("M" + a.Degree, b.Name), () => -1),
            (Apply a, AttentionMoment b) => Chain(NaturalCompare(a.Name, "M" + b.Degree), () => 1),
            (RandomVariable a, RandomVariable b) => Chain(NaturalCompare(a.Name, b.Name), () => Chain(Lex(a.Points, b.Points), () => Lex(a.Indices, b.Indices))),
            (KroneckerDelta a, KroneckerDelta b) => Lex([a.I, a.J], [b.I, b.J]),
            (FunctionCall a, FunctionCall b) => Chain(a.Kind.CompareTo(b.Kind), () => Lex(a.Args, b.Args)),
            (Power a, Power b) => Chain(Compare(a.Base, b.Base), () => Compare(a.Exponent, b.Exponent)),
            (Product a, Product b) => Chain(Lex(a.Factors, b.Factors), () => a.Coefficient.CompareValue(b.Coefficient)),
            (Sum a, Sum b) => Lex(a.Terms, b.Terms),
            (IndexSum a, IndexSum b) => Lex([a.Body, a.Index, a.Lower, a.Upper], [b.Body, b.Index, b.Lower, b.Upper]),
            (Expectation a, Expectation b) => Compare(a.Body, b.Body),
            (Cumulant a, Cumulant b) => Lex(a.Args, b.Args),
            _ => 0,
        };
    }

    private static int Chain(int first, Func<int> then) => first != 0 ? first : then();

    private int Lex(IReadOnlyList<Expr> a, IReadOnlyList<Expr> b)
    {
        for (int i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            int c = Compare(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Count.CompareTo(b.Count);
    }

    /// <summary>Ordinal comparison that treats digit runs as numbers.</summary>
    /// <example><code>int c = ExprOrder.NaturalCompare("x2", "x10"); // negative</code></example>
    public static int NaturalCompare(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsDigit(a[i]) && char.IsDigit(b[j]))
            {
                int si = i, sj = j;
                while (i < a.Length && char.IsDigit(a[i])) i++;
                while (j < b.Length && char.IsDigit(b[j])) j++;
                var na = System.Numerics.BigInteger.Parse(a.AsSpan(si, i - si));
                var nb = System.Numerics.BigInteger.Parse(b.AsSpan(sj, j - sj));
                int c = na.CompareTo(nb);
                if (c != 0) return c;
            }
            else
            {
                int c = a[i].CompareTo(b[j]);
                if (c != 0) return c;
                i++; j++;
            }
        }
        return (a.Length - i).CompareTo(b.Length - j);
    }
}
