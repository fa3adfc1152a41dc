// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// An attention polynomial E[A_{t_1}(x_1) ... A_{t_n}(x_n)] at the limiting logit law (docs/theory.md sections 3, 6
/// and 9): one factor per (token, point), kept sorted by token then point, so equal moments are equal nodes. When
/// every token occurs an even number of times the moment is printed in the pair form of docs/cli.md section 4,
/// M2(t, xa, xb), M4(t, u, xa, xb, xc, xd), M6(t, u, v, ...): one token per pair, then the points pair by pair.
/// </summary>
/// <example><code>AttentionMoment m4 = AttentionMoment.Paired([(1, Sym.Var("x1"), Sym.Var("x2")), (2, Sym.Var("x3"), Sym.Var("x4"))]); // M4(1, 2, x1, x2, x3, x4)</code></example>
public sealed record AttentionMoment : Expr
{
    /// <summary>The most factors a moment may have (the numeric callbacks pass tokens and points inline).</summary>
    /// <example><code>int most = AttentionMoment.MaxFactors; // 8</code></example>
    public const int MaxFactors = NodeArguments.Capacity / 2;

    private readonly ExprList children;

    private AttentionMoment(ExprList tokens, ExprList points)
    {
        Tokens = tokens;
        Points = points;
        children = ExprList.Owning([.. tokens.AsSpan(), .. points.AsSpan()]);
        SymbolMask = MaskOf(tokens) | MaskOf(points);
    }

    /// <summary>The token of each factor (a number, or an index symbol inside a token sum).</summary>
    /// <example><code>Expr t = AttentionMoment.Of([(2, Sym.Var("x1"))]).Tokens[0]; // 2</code></example>
    public ExprList Tokens { get; }

    /// <summary>The point of each factor.</summary>
    /// <example><code>Expr x = AttentionMoment.Of([(2, Sym.Var("x1"))]).Points[0]; // x1</code></example>
    public ExprList Points { get; }

    /// <summary>The number of factors n (the degree of the polynomial).</summary>
    /// <example><code>int n = AttentionMoment.Paired([(1, Sym.Var("x1"), Sym.Var("x2"))]).Degree; // 2</code></example>
    public int Degree => Tokens.Count;

    /// <summary>True when every token occurs an even number of times (the M2/M4/M6 pair form exists).</summary>
    /// <example><code>bool paired = AttentionMoment.Of([(1, Sym.Var("x1")), (2, Sym.Var("x2"))]).IsPaired; // false</code></example>
    public bool IsPaired
    {
        get
        {
            for (int k = 0; k < Degree; k += 2)
                if (k + 1 >= Degree || !Tokens[k].Equals(Tokens[k + 1])) return false;
            return true;
        }
    }

    /// <summary>
    /// The pair form's arguments: one token per pair, then the points in pairs (the factors are sorted, so the pairs
    /// of one token are consecutive). Only for <see cref="IsPaired"/> moments.
    /// </summary>
    /// <example><code>IReadOnlyList&lt;Expr&gt; args = AttentionMoment.Paired([(1, Sym.Var("x1"), Sym.Var("x2"))]).PairArguments; // 1, x1, x2</code></example>
    public IReadOnlyList<Expr> PairArguments
    {
        get
        {
            if (!IsPaired) throw new InvalidOperationException($"{this} has no pair form: a token occurs an odd number of times");
            return [.. Enumerable.Range(0, Degree / 2).Select(k => Tokens[2 * k]), .. Points];
        }
    }

    /// <summary>The same moment as an expectation of a product of attention weights (the form the engine derives).</summary>
    /// <example><code>Expr e = AttentionMoment.Of([(1, Sym.Var("x1")), (2, Sym.Var("x2"))]).AsExpectation(); // E[A_{1}(x1)*A_{2}(x2)]</code></example>
    public Expr AsExpectation() =>
        Expectation.Of(Product.Of(Enumerable.Range(0, Degree).Select(k => (Expr)NetworkSymbols.A(Tokens[k], Points[k]))));

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => children;

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) =>
        Of(Enumerable.Range(0, children.Count / 2).Select(k => (children[k], children[children.Count / 2 + k])));

    /// <inheritdoc />
    public override bool IsRandom => false;

    /// <summary>E[prod_k A_{token_k}(point_k)], factors sorted canonically.</summary>
    /// <example><code>AttentionMoment m = AttentionMoment.Of([(1, Sym.Var("x2")), (1, Sym.Var("x1"))]); // E[A_1(x1) A_1(x2)] = M2(1, x1, x2)</code></example>
    public static AttentionMoment Of(IEnumerable<(Expr Token, Expr Point)> factors)
    {
        var sorted = factors.ToList();
        if (sorted.Count is 0 or > MaxFactors)
            throw new ArgumentOutOfRangeException(nameof(factors), sorted.Count, $"an attention moment has 1..{MaxFactors} factors");
        sorted.Sort((a, b) =>
        {
            int c = ExprOrder.Instance.Compare(a.Token, b.Token);
            return c != 0 ? c : ExprOrder.Instance.Compare(a.Point, b.Point);
        });
        return new AttentionMoment(sorted.Select(f => f.Token).ToExprList(), sorted.Select(f => f.Point).ToExprList());
    }

    /// <summary>E[prod_j A_{t_j}(a_j) A_{t_j}(b_j)]: the M2/M4/M6 moments of docs/cli.md section 4.</summary>
    /// <example><code>AttentionMoment m2 = AttentionMoment.Paired([(Symbol.Index("t"), Sym.Var("x1"), Sym.Var("x2"))]); // M2(t, x1, x2)</code></example>
    public static AttentionMoment Paired(IEnumerable<(Expr Token, Expr A, Expr B)> pairs) =>
        Of(pairs.SelectMany(p => new[] { (p.Token, p.A), (p.Token, p.B) }));
}
