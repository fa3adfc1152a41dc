// SPDX-License-Identifier: MIT
using NnQft.Model;
using static NnQft.Symbolic.NetworkSymbols;

namespace NnQft.Symbolic;

/// <summary>
/// The network of docs/theory.md section 1 written as an expression, and its Gaussian families:
/// phi(x) = beta + N_h^{-1/2} sum_h d_v^{-1/2} sum_i a_{h,i} sum_t A_{h,t}(x) v_{h,t,i}(x).
/// The conditional covariance c_h of the head outputs is derived here from the value weights' covariance.
/// </summary>
/// <example><code>var net = new AttentionNetwork(Architecture.Default); Expr phi = net.Field(NetworkSymbols.Point(1)); // phi(x1) in head outputs</code></example>
public sealed class AttentionNetwork
{
    private static readonly Symbol H = Symbol.Index("h"), H2 = Symbol.Index("g"), I = Symbol.Index("i"), I2 = Symbol.Index("j");
    private static readonly Symbol Tt = Symbol.Index("t"), Uu = Symbol.Index("u");

    /// <summary>The network described by <paramref name="architecture"/>.</summary>
    /// <example><code>var net = new AttentionNetwork(Architecture.Default with { Tokens = 2 });</code></example>
    public AttentionNetwork(Architecture architecture)
    {
        Architecture = architecture;
        TokensExchangeable = architecture.TokensExchangeable;
        TokenCount = TokensExchangeable ? Tokens : Number.Of(architecture.Tokens);
    }

    /// <summary>The architecture.</summary>
    /// <example><code>int tokens = new AttentionNetwork(Architecture.Default).Architecture.Tokens; // 4</code></example>
    public Architecture Architecture { get; }

    /// <summary>True when all tokens share one density (token sums reduce by symmetry).</summary>
    /// <example><code>bool exchangeable = new AttentionNetwork(Architecture.Default).TokensExchangeable; // true</code></example>
    public bool TokensExchangeable { get; }

    /// <summary>The token count: the symbol T when exchangeable, else the concrete number (explicit token sums).</summary>
    /// <example><code>Expr t = new AttentionNetwork(Architecture.Default).TokenCount; // the symbol T</code></example>
    public Expr TokenCount { get; }

    /// <summary>The width coordinate count d_v (a symbol; its infinite limit is taken by <see cref="WidthLimit"/>).</summary>
    /// <example><code>Expr dv = AttentionNetwork.ValueCount; // "d_v"</code></example>
    public static Expr ValueCount => ValueWidth;

    /// <summary>The kernel of token t; with exchangeable tokens every token has the kernel k1.</summary>
    /// <example><code>Expr k = new AttentionNetwork(Architecture.Default).TokenKernelOf(3, Sym.Var("x1"), Sym.Var("x2")); // k_1(x1, x2): tokens exchangeable</code></example>
    public Expr TokenKernelOf(Expr t, Expr a, Expr b) => TokenKernel(TokensExchangeable ? Number.One : t, a, b);

    /// <summary>y_{h,i}(x) = sum_t A_{h,t}(x) v_{h,t,i}(x), the head output before the readout.</summary>
    /// <example><code>Expr y = new AttentionNetwork(Architecture.Default).HeadOutputDefinition(Symbol.Index("h"), Symbol.Index("i"), Sym.Var("x1"));</code></example>
    public Expr HeadOutputDefinition(Expr h, Expr i, Expr x) =>
        IndexSum.Of(RandomVariable.Of(Attention, [h, Tt], [x]) * RandomVariable.Of(Values, [h, Tt, i], [x]), Tt, TokenCount);

    /// <summary>phi(x) in terms of the head outputs y_{h,i}(x).</summary>
    /// <example><code>Expr phi = new AttentionNetwork(Architecture.Default).Field(Sym.Var("x1"));</code></example>
    public Expr Field(Expr x)
    {
        var heads = Power.Of(Heads, Number.Of(-1, 2)) * IndexSum.Of(
            Power.Of(ValueWidth, Number.Of(-1, 2)) * IndexSum.Of(
                RandomVariable.Of(Readout, [H, I], []) * RandomVariable.Of(HeadOutput, [H, I], [x]), I, ValueWidth), H, Heads);
        return Architecture.HasBias ? RandomVariable.Of(Bias, [], []) + heads : heads;
    }

    /// <summary>phi(x) with the head outputs written out (attention weights times values).</summary>
    /// <example><code>Expr phi = new AttentionNetwork(Architecture.Default).FieldWithValues(Sym.Var("x1")); // attention weights times values</code></example>
    public Expr FieldWithValues(Expr x) => Substitution.Rewrite(Field(x), node =>
        node is RandomVariable { Name: HeadOutput } y ? HeadOutputDefinition(y.Indices[0], y.Indices[1], y.Points[0]) : node);

    /// <summary>W_V entries: Cov(v_{h,t,i}(x), v_{g,u,j}(y)) = sigma_V^2 delta_hg delta_ij G_{h,t,u}(x, y) given the embeddings.</summary>
    /// <example><code>var engine = new WickEngine([AttentionNetwork.ValueFamily, AttentionNetwork.ReadoutFamily]);</code></example>
    public static GaussianFamily ValueFamily { get; } = new(Values, (p, q) =>
        SigmaV * SigmaV * KroneckerDelta.Of(p.Indices[0], q.Indices[0]) * KroneckerDelta.Of(p.Indices[2], q.Indices[2])
        * RandomVariable.Of(Gram, [p.Indices[0], p.Indices[1], q.Indices[1]], [p.Points[0], q.Points[0]]));

    /// <summary>Readout: Cov(a_{h,i}, a_{g,j}) = sigma_a^2 delta_hg delta_ij.</summary>
    /// <example><code>string name = AttentionNetwork.ReadoutFamily.Name; // "a"</code></example>
    public static GaussianFamily ReadoutFamily { get; } = new(Readout, (p, q) =>
        SigmaA * SigmaA * KroneckerDelta.Of(p.Indices[0], q.Indices[0]) * KroneckerDelta.Of(p.Indices[1], q.Indices[1]));

    /// <summary>Bias: Var(beta) = sigma_b^2.</summary>
    /// <example><code>string name = AttentionNetwork.BiasFamily.Name; // "b"</code></example>
    public static GaussianFamily BiasFamily { get; } = new(Bias, (_, _) => SigmaB * SigmaB);

    /// <summary>Given (A, G), y_{h,i} is Gaussian with Cov(y_{h,i}(x), y_{g,j}(y)) = delta_hg delta_ij c_h(x, y).</summary>
    /// <example><code>var engine = new WickEngine([AttentionNetwork.HeadOutputFamily, AttentionNetwork.ReadoutFamily]);</code></example>
    public static GaussianFamily HeadOutputFamily { get; } = new(HeadOutput, (p, q) =>
        KroneckerDelta.Of(p.Indices[0], q.Indices[0]) * KroneckerDelta.Of(p.Indices[1], q.Indices[1]) * C(p.Indices[0], p.Points[0], q.Points[0]));

    /// <summary>
    /// c_h(x, y) derived by the Wick engine over the values: E[y_{h,i}(x) y_{h,i}(y) | A, G]. Also checks that
    /// distinct (head, width) coordinates are uncorrelated, i.e. that <see cref="HeadOutputFamily"/> is what the values imply.
    /// </summary>
    /// <example><code>Expr c = new AttentionNetwork(Architecture.Default).ConditionalCovarianceDefinition(1, Sym.Var("x1"), Sym.Var("x2"));</code></example>
    public Expr ConditionalCovarianceDefinition(Expr h, Expr x, Expr y)
    {
        var wick = new WickEngine([ValueFamily]);
        var same = wick.Expectation(HeadOutputDefinition(h, I, x) * HeadOutputDefinition(h, I, y));
        var cross = wick.Expectation(HeadOutputDefinition(H, I, x) * HeadOutputDefinition(H2, I2, y));
        var sameHead = Substitution.Apply(cross, new Dictionary<Expr, Expr> { [H2] = H, [I2] = I });
        bool diagonal = Substitution.Apply(cross, new Dictionary<Expr, Expr> { [H] = 1, [H2] = 2 }) is Number { IsZero: true }
            && Substitution.Apply(cross, new Dictionary<Expr, Expr> { [I] = 1, [I2] = 2 }) is Number { IsZero: true }
            && Substitution.Apply(sameHead, H, h).Equals(same);
        if (!diagonal) throw new InvalidOperationException("value covariance is not diagonal in (head, width): " + cross);
        return same;
    }

    /// <summary>c(x, y) without head index, written in attention weights and Grams (or kernels at D = inf).</summary>
    /// <example><code>Expr c = new AttentionNetwork(Architecture.Default).ConditionalCovarianceInAttention(Sym.Var("x1"), Sym.Var("x2"));</code></example>
    public Expr ConditionalCovarianceInAttention(Expr x, Expr y)
    {
        if (cInAttention is null)
        {
            var c = StripHeads(ConditionalCovarianceDefinition(H, PlaceholderX, PlaceholderY));
            cInAttention = Architecture.Features.IsInfinite ? GramsAtInfiniteFeatures(c) : c;
        }
        return Substitution.Apply(cInAttention, new Dictionary<Expr, Expr> { [PlaceholderX] = x, [PlaceholderY] = y });
    }

    private static readonly Symbol PlaceholderX = new("xa"), PlaceholderY = new("xb");
    private Expr? cInAttention;

    /// <summary>D = inf: G_tu(x, y) = delta_tu k_t(x, y); the sum over u contracts.</summary>
    /// <example><code>
    /// var net = new AttentionNetwork(Architecture.Default);
    /// Expr c = net.GramsAtInfiniteFeatures(net.ConditionalCovarianceInAttention(Sym.Var("x1"), Sym.Var("x2"))); // Grams become kernels
    /// </code></example>
    public Expr GramsAtInfiniteFeatures(Expr e) => Substitution.Rewrite(e, node =>
        node is RandomVariable { Name: Gram } g
            ? KroneckerDelta.Of(g.Indices[^2], g.Indices[^1]) * TokenKernelOf(g.Indices[^2], g.Points[0], g.Points[1])
            : node);

    /// <summary>Drops the head index of c, A and G (after heads have been factorised, each expectation sees one head).</summary>
    /// <example><code>Expr c = AttentionNetwork.StripHeads(NetworkSymbols.C(1, Sym.Var("x1"), Sym.Var("x2"))); // "c(x1, x2)"</code></example>
    public static Expr StripHeads(Expr e) => Substitution.Rewrite(e, node => node switch
    {
        RandomVariable { Name: ConditionalCovariance, Indices.Count: 1 } r => C(r.Points[0], r.Points[1]),
        RandomVariable { Name: Attention, Indices.Count: 2 } r => RandomVariable.Of(r.Name, r.Indices.Skip(1), r.Points),
        RandomVariable { Name: Gram, Indices.Count: 3 } r => RandomVariable.Of(r.Name, r.Indices.Skip(1), r.Points),
        _ => node,
    });

    /// <summary>The independent Gaussian families of the field given (A, G): bias, readout, head outputs.</summary>
    /// <example><code>var engine = new WickEngine(new AttentionNetwork(Architecture.Default).ConditionalFamilies);</code></example>
    public IReadOnlyList<GaussianFamily> ConditionalFamilies =>
        Architecture.HasBias ? [BiasFamily, ReadoutFamily, HeadOutputFamily] : [ReadoutFamily, HeadOutputFamily];

    /// <summary>Expectations over (A, G) of head sums: distinct iid heads factorise, then head labels are dropped.</summary>
    /// <example><code>
    /// var h = Symbol.Index("h");
    /// Expr e = AttentionNetwork.ReduceHeads(IndexSum.Of(Expectation.Of(NetworkSymbols.C(h, Sym.Var("x1"), Sym.Var("x2"))), h, NetworkSymbols.Heads)); // N_h E[c(x1, x2)]
    /// </code></example>
    public static Expr ReduceHeads(Expr e) => ExchangeableSums.Reduce(e, Heads, body => StripHeads(FactoriseHeads(body)));

    private static Expr FactoriseHeads(Expr e) => Substitution.Rewrite(e, node =>
    {
        if (node is not Expectation x) return node;
        var groups = MomentsCumulants.RandomFactors(x.Body).GroupBy(f => f is RandomVariable { Indices.Count: > 0 } r ? r.Indices[0] : Number.Zero).ToList();
        return groups.Count <= 1 ? node : Product.Of(groups.Select(g => Expectation.Of(Product.Of(g))));
    });

    /// <summary>Token sums in expectations: reduced by exchangeability (T [t=u] + T(T-1) [t!=u], ...) or written out per token.</summary>
    /// <example><code>
    /// var t = Symbol.Index("t"); var net = new AttentionNetwork(Architecture.Default);
    /// Expr e = net.ReduceTokens(IndexSum.Of(Expectation.Of(NetworkSymbols.A(t, Sym.Var("x1"))), t, net.TokenCount)); // T E[A_1(x1)]
    /// </code></example>
    public Expr ReduceTokens(Expr e) => TokensExchangeable
        ? ExchangeableSums.Reduce(e, Tokens, body => AttentionMomentSymbols.CanonicalTokenLabels(body, relabelMemo))
        : ExchangeableSums.Unroll(e);

    private readonly Dictionary<Expr, Expr> relabelMemo = [];
    private readonly Dictionary<Expr, Expr> lowerMemo = [];

    /// <summary>
    /// One expectation or cumulant of conditional covariances written in attention weights: c substituted by its
    /// derived form (kernels at D = inf), cumulants as moments, token sums reduced, moments named (memoised).
    /// </summary>
    /// <example><code>
    /// var net = new AttentionNetwork(Architecture.Default);
    /// Expr e = Substitution.Rewrite(Expectation.Of(NetworkSymbols.C(Sym.Var("x1"), Sym.Var("x2"))), net.LowerToAttention);
    /// </code></example>
    public Expr LowerToAttention(Expr node)
    {
        if (lowerMemo.TryGetValue(node, out var done)) return done;
        var substituted = Substitution.Rewrite(node, n =>
            n is RandomVariable { Name: ConditionalCovariance, Indices.Count: 0 } c ? ConditionalCovarianceInAttention(c.Points[0], c.Points[1]) : n);
        var reduced = ReduceTokens(MomentsCumulants.ToMomentForm(substituted));
        var result = Architecture.Features.IsInfinite ? AttentionMomentSymbols.ToMomentSymbols(reduced) : reduced;
        lowerMemo[node] = result;
        return result;
    }
}
