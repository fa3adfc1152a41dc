// SPDX-License-Identifier: MIT
using NnQft.Model;
using static NnQft.Symbolic.NetworkSymbols;

namespace NnQft.Symbolic;

/// <summary>
/// One-call derivations from an <see cref="Architecture"/>: every result is produced by the engine from the
/// network definition (Wick pairings, delta contraction, head and token sums, set partitions); no correlator
/// formula is written here.
/// </summary>
/// <example><code>var g4c = Derive.Correlator(Architecture.Default, 4, connected: true); Console.WriteLine(g4c.IndependenceBreaking);</code></example>
public static class Derive
{
    /// <summary>
    /// The orders n that <see cref="Correlator"/> derives: 1 to 6 (odd orders vanish, which the proofs derive too;
    /// beyond 6 the expansion outgrows any use here). The one rule for the command line's <c>--order</c> as well.
    /// </summary>
    /// <example><code>bool ok = Derive.Orders.Contains(6); // true</code></example>
    public static IReadOnlyList<int> Orders { get; } = [1, 2, 3, 4, 5, 6];

    /// <summary>G_n(x1..xn), or its connected part, derived from the network definition.</summary>
    /// <example><code>var g4c = Derive.Correlator(Architecture.Default with { Features = Width.Infinite }, order: 4, connected: true);</code></example>
    public static CorrelatorDerivation Correlator(Architecture architecture, int order, bool connected)
    {
        if (!Orders.Contains(order))
            throw new InvalidInputException(nameof(order), $"must be an integer from {Orders[0]} to {Orders[^1]}", order.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var net = new AttentionNetwork(architecture);
        var points = Points(order);
        var steps = new List<DerivationStep>
        {
            new("network: phi(x) = beta + N_h^(-1/2) sum_h d_v^(-1/2) sum_i a_{h,i} sum_t A_{h,t}(x) v_{h,t,i}(x)", net.FieldWithValues(points[0])),
            new("Wick over the values given (A, G): c_h(x1, x2) = E[y_{h,i}(x1) y_{h,i}(x2) | A, G]", net.ConditionalCovarianceDefinition(Symbol.Index("h"), points[0], points[Math.Min(1, order - 1)])),
            new("field in head outputs y_{h,i}(x) = sum_t A_{h,t}(x) v_{h,t,i}(x)", net.Field(points[0])),
        };
        var conditional = ConditionalMoment(net, points);
        steps.Add(new($"Wick over bias, readout and head outputs: E[phi(x1)...phi(x{order}) | A, G]", conditional));

        var cache = new Dictionary<string, Expr>();
        Expr MomentOf(IReadOnlyList<int> block)
        {
            var key = string.Join(",", block);
            if (!cache.TryGetValue(key, out var m))
                cache[key] = m = AttentionNetwork.ReduceHeads(Expectation.Of(ConditionalMoment(net, block.Select(k => points[k]).ToList())));
            return m;
        }
        var all = Enumerable.Range(0, order).ToList();
        var moment = MomentOf(all);
        steps.Add(new("expectation over (A, G): distinct iid heads factorise (sum_{h,g} = N_h [h=g] + N_h(N_h-1) [h!=g])", moment));
        var valueInC = moment;
        if (connected)
        {
            valueInC = MomentsCumulants.Connected(order, MomentOf);
            steps.Add(new("connected part by set partitions: G_c = sum_pi (-1)^(|pi|-1) (|pi|-1)! prod_B G_B", valueInC));
        }

        var (lead, finite) = WidthLimit.SplitConstant(valueInC, ValueWidth);
        if (connected) lead = Expansion.Expand(MomentsCumulants.ToCumulantForm(lead));
        steps.Add(new("d_v^0 part" + (connected ? ", moments of c as cumulants (independence breaking)" : ""), lead));
        steps.Add(new("O(1/d_v) part (finite width)", finite));
        if (architecture.ValueWidth.IsInfinite)
        {
            finite = Number.Zero;
            steps.Add(new("valueWidth = inf: leading order as d_v -> inf drops the finite-width part", lead));
        }
        valueInC = Sum.Of(lead, finite);

        var ib = Lower(net, lead, steps, "independence-breaking part");
        var fw = Lower(net, finite, steps, "finite-width part");
        var value = Sum.Of(ib, fw);
        steps.Add(new("result", value));
        return new CorrelatorDerivation(architecture, order, connected, points, value, ib, fw, valueInC, lead, finite, conditional, steps);
    }

    /// <summary>
    /// E[phi(x_1)...phi(x_n) | A, G] for the given points, in per-head conditional covariances c_h(xa, xb) with head
    /// sums (the Rao-Blackwell integrand). Compile it with <see cref="Compiler"/>.
    /// </summary>
    /// <example><code>Expr m2 = Derive.ConditionalMoment(Architecture.Default, NetworkSymbols.Points(2)); // E[phi(x1) phi(x2) | A, G]</code></example>
    public static Expr ConditionalMoment(Architecture architecture, IReadOnlyList<Symbol> points) =>
        ConditionalMoment(new AttentionNetwork(architecture), points);

    private static Expr ConditionalMoment(AttentionNetwork net, IReadOnlyList<Symbol> points)
    {
        var wick = new WickEngine(net.ConditionalFamilies);
        var product = Product.Of(points.Select(x => net.Field(x)));
        return wick.Expectation(product);
    }

    /// <summary>
    /// From c to attention weights, one opaque c-level node at a time (memoised, so shared nodes of the two parts
    /// are lowered once): substitute c, take D = inf if so, cumulants to moments, reduce token sums, name the moments.
    /// </summary>
    private static Expr Lower(AttentionNetwork net, Expr inC, List<DerivationStep> steps, string what)
    {
        if (inC is Number) return inC;
        var lowered = Substitution.Rewrite(inC, node =>
            node is Expectation or Cumulant && ContainsC(node) ? net.LowerToAttention(node) : node);
        steps.Add(new($"{what}: c(x, y) = sigma_V^2 sum_(t,u) A_t(x) A_u(y) G_tu(x, y)" +
                      (net.Architecture.Features.IsInfinite ? " with G_tu = delta_tu k_t at D = inf" : "") +
                      ", cumulants as moments, token sums " +
                      (net.TokensExchangeable ? "reduced by exchangeability" : "written out per token (tokens not exchangeable)") +
                      (net.Architecture.Features.IsInfinite ? ", attention moments M2, M4, ..." : ""), lowered));
        return lowered;
    }

    private static bool ContainsC(Expr e) =>
        e is RandomVariable { Name: ConditionalCovariance } || e.Children.Any(ContainsC);
}
