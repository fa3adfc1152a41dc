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
    /// <example><code>bool first = ExprOrder.Instance.Compare(Sym.Var("x2"), Sym.Var("x10")) &lt; 0; // true: natural order</code></example>
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
            (Symbol a, Symbol b) => CompareSymbols(a, b),
            (MathConstant a, MathConstant b) => a.Kind.CompareTo(b.Kind),
            (MathConstant a, Symbol b) => Chain(NaturalCompare(a.Name, b.Name), () => -1),
            (Symbol a, MathConstant b) => Chain(NaturalCompare(a.Name, b.Name), () => 1),
            (Kernel a, Kernel b) => CompareKernels(a, b),
            (Apply a, Apply b) => NaturalCompare(a.Name, b.Name) is var n and not 0 ? n : Lex(a.Args, b.Args),
            (AttentionMoment a, AttentionMoment b) => a.Degree.CompareTo(b.Degree) is var d and not 0 ? d : Lex(a.Children, b.Children),
            (AttentionMoment a, Apply b) => Chain(NaturalCompare("M" + a.Degree, b.Name), () => -1),
            (Apply a, AttentionMoment b) => Chain(NaturalCompare(a.Name, "M" + b.Degree), () => 1),
            (RandomVariable a, RandomVariable b) => Chain(NaturalCompare(a.Name, b.Name), () => Chain(Lex(a.Points, b.Points), () => Lex(a.Indices, b.Indices))),
            (KroneckerDelta a, KroneckerDelta b) => Lex([a.I, a.J], [b.I, b.J]),
            (FunctionCall a, FunctionCall b) => Chain(a.Kind.CompareTo(b.Kind), () => Lex(a.Args, b.Args)),
            // The hot cases of canonical sorting, without a closure per comparison.
            (Power a, Power b) => Compare(a.Base, b.Base) is var c1 and not 0 ? c1 : Compare(a.Exponent, b.Exponent),
            (Product a, Product b) => Lex(a.Factors, b.Factors) is var c2 and not 0 ? c2 : a.Coefficient.CompareValue(b.Coefficient),
            (Sum a, Sum b) => Lex(a.Terms, b.Terms),
            (IndexSum a, IndexSum b) => Lex([a.Body, a.Index, a.Lower, a.Upper], [b.Body, b.Index, b.Lower, b.Upper]),
            (Expectation a, Expectation b) => Compare(a.Body, b.Body),
            (Cumulant a, Cumulant b) => Lex(a.Args, b.Args),
            _ => 0,
        };
    }

    // Lexicographic in (token, a, b), like the other argument lists, without a list per comparison (the hot case of
    // sorting derived sums: most factors are kernels).
    private int CompareKernels(Kernel a, Kernel b)
    {
        int c = Compare(a.Token, b.Token);
        if (c == 0) c = Compare(a.A, b.A);
        return c != 0 ? c : Compare(a.B, b.B);
    }

    // Same-named symbols with different assumptions are different symbols and need a fixed order too.
    private static int CompareSymbols(Symbol a, Symbol b)
    {
        int c = NaturalCompare(a.Name, b.Name);
        if (c == 0) c = a.IsPositive.CompareTo(b.IsPositive);
        return c != 0 ? c : a.IsInteger.CompareTo(b.IsInteger);
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
    /// <example><code>bool first = ExprOrder.NaturalCompare("x2", "x10") &lt; 0; // true</code></example>
    public static int NaturalCompare(string a, string b)
    {
        // Equal names are the common case in canonical sorting (the same symbol in many terms).
        if (string.Equals(a, b, StringComparison.Ordinal)) return 0;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsDigit(a[i]) && char.IsDigit(b[j]))
            {
                // Digit runs compare as numbers: without leading zeros, the longer run is larger, else ordinally.
                while (i < a.Length - 1 && a[i] == '0' && char.IsDigit(a[i + 1])) i++;
                while (j < b.Length - 1 && b[j] == '0' && char.IsDigit(b[j + 1])) j++;
                int si = i, sj = j;
                while (i < a.Length && char.IsDigit(a[i])) i++;
                while (j < b.Length && char.IsDigit(b[j])) j++;
                int c = (i - si).CompareTo(j - sj);
                if (c == 0) c = a.AsSpan(si, i - si).SequenceCompareTo(b.AsSpan(sj, j - sj));
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
