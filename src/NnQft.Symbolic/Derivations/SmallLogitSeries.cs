// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Globalization;
using NnQft.Model;

namespace NnQft.Symbolic;

/// <summary>
/// The small-logit series of the two-point attention moment F_T(sigma^2, rho) = E[A_1(z) A_1(z')] (docs/theory.md
/// section 6) for a SYMBOLIC number of tokens T, derived by the engine: logits z_t = sigma xi_t, z'_t = sigma xi'_t
/// with E[xi_t xi_u] = E[xi'_t xi'_u] = delta_tu and E[xi_t xi'_u] = rho delta_tu; the normaliser written as
/// sum_t e^{sigma xi_t} = T (1 + delta) with delta = O(sigma); e^{sigma xi}, 1/(1 + delta) and the binomial series
/// of (1 + v)^(T-1) Taylor-expanded by <see cref="Series.Taylor(Expr, Symbol, int)"/>; the Gaussian moments of one
/// token pair by Wick pairings (<see cref="WickEngine"/>); the sums over the T iid token pairs done by a generating
/// function, whose expectation factorises into token 1's factor times one pair's to the power T - 1 (so T stays a symbol and the cost does
/// not grow with T). No coefficient is written by hand; the fixed-T brute-force expansion of the softmax and a
/// route through symbolic index sums with delta contraction agree with it (see the tests).
/// </summary>
/// <example><code>
/// var f = SmallLogitSeries.TwoPoint(8);        // sigma^0..sigma^8, coefficients rational in T
/// var f4 = SmallLogitSeries.TwoPoint(8, 4);    // the same with T = 4
/// double v = SmallLogitSeries.Value(8, 64, sigma2: 0.1, rho: 0.5);
/// </code></example>
public static class SmallLogitSeries
{
    /// <summary>The orders (highest power of sigma kept) that <see cref="TwoPoint(int)"/> accepts.</summary>
    public static IReadOnlyList<int> Orders { get; } = [0, 2, 4, 6, 8, 10];

    /// <summary>The logit standard deviation sigma (the series is in even powers of it, i.e. in sigma^2).</summary>
    public static Symbol Sigma { get; } = Symbol.Positive("sigma");

    /// <summary>The correlation rho of the logits at the two points.</summary>
    public static Symbol Rho { get; } = new("rho");

    /// <summary>The number of tokens T (a positive integer symbol).</summary>
    public static Symbol Tokens { get; } = Symbol.Count("T");

    private static readonly ConcurrentDictionary<int, Lazy<IReadOnlyList<Expr>>> Cache = new();

    /// <summary>
    /// F_T through sigma^order as sum_k sigma^k sum_j rho^j c_kj(T), each c_kj(T) a rational function of the symbol
    /// <see cref="Tokens"/> written as (rational) * (T - 1)^m * P(T) * T^-n with P an integer polynomial. Derived once
    /// per order and cached (thread-safe). <paramref name="order"/> is one of <see cref="Orders"/>.
    /// </summary>
    /// <example><code>Expr f = SmallLogitSeries.TwoPoint(8); // through sigma^8, T a symbol</code></example>
    public static Expr TwoPoint(int order) =>
        Sum.Of(Coefficients(order).Select((c, k) => Product.Of(Power.Of(Sigma, Number.Of(k)), c)));

    /// <summary>
    /// The coefficients of sigma^0, sigma^1, ..., sigma^order of <see cref="TwoPoint(int)"/>, each sum_j rho^j c_kj(T)
    /// with c_kj in the factored form described there (the odd ones are 0).
    /// </summary>
    /// <example><code>Expr c2 = SmallLogitSeries.Coefficients(8)[2]; // "rho*(T - 1)/T^3"</code></example>
    public static IReadOnlyList<Expr> Coefficients(int order)
    {
        if (!Orders.Contains(order))
            throw new InvalidInputException("order", "must be one of " + string.Join(", ", Orders), order.ToString(CultureInfo.InvariantCulture));
        return Cache.GetOrAdd(order, k => new Lazy<IReadOnlyList<Expr>>(() => DeriveCoefficients(k))).Value;
    }

    /// <summary>
    /// <see cref="Coefficients(int)"/> derived afresh, bypassing the cache (for benchmarks and independent re-checks).
    /// </summary>
    /// <example><code>IReadOnlyList&lt;Expr&gt; fresh = SmallLogitSeries.DeriveCoefficients(4);</code></example>
    public static IReadOnlyList<Expr> DeriveCoefficients(int order)
    {
        if (!Orders.Contains(order))
            throw new InvalidInputException("order", "must be one of " + string.Join(", ", Orders), order.ToString(CultureInfo.InvariantCulture));
        return DeriveMoments(order).Select(Present).ToList();
    }

    /// <summary>F_T through sigma^order for a fixed number of tokens: <see cref="TwoPoint(int)"/> with T substituted, expanded.</summary>
    /// <example><code>Expr f4 = SmallLogitSeries.TwoPoint(8, tokens: 4);</code></example>
    public static Expr TwoPoint(int order, int tokens)
    {
        if (tokens < 1) throw new InvalidInputException("tokens", "must be an integer >= 1", tokens.ToString(CultureInfo.InvariantCulture));
        return Expansion.Expand(Substitution.Apply(TwoPoint(order), Tokens, Number.Of(tokens)));
    }

    /// <summary>The series value at (T, sigma^2, rho): <see cref="TwoPoint(int)"/> evaluated numerically.</summary>
    /// <example><code>double v = SmallLogitSeries.Value(8, tokens: 64, sigma2: 0.1, rho: 0.5); // ~2.5641035e-4</code></example>
    public static double Value(int order, int tokens, double sigma2, double rho)
    {
        if (tokens < 1) throw new InvalidInputException("tokens", "must be an integer >= 1", tokens.ToString(CultureInfo.InvariantCulture));
        if (!(sigma2 >= 0) || double.IsInfinity(sigma2)) throw new InvalidInputException("sigma2", "must be a finite number >= 0", sigma2.ToString("R", CultureInfo.InvariantCulture));
        return Evaluator.Evaluate(TwoPoint(order), EvaluationEnvironment.OfSymbols(new Dictionary<string, double>
        {
            [Sigma.Name] = Math.Sqrt(sigma2),
            [Rho.Name] = rho,
            [Tokens.Name] = tokens,
        }));
    }

    /// <summary>
    /// E[coefficient of sigma^k] for k = 0..order, each expanded in rho and powers of T. With g_t = e^{sigma xi_t} - 1
    /// the normaliser is sum_t e^{sigma xi_t} = T (1 + delta), delta = (1/T) sum_t g_t = O(sigma), so
    /// A_1(z) A_1(z') = T^-2 e^{sigma (xi_1 + xi'_1)} sum_{k,l} c_k c_l delta^k delta'^l with c_k the coefficients
    /// of 1/(1 + u). The token sums are done by a generating function instead of one index sum per factor of delta:
    /// E[e^{sigma (xi_1 + xi'_1)} (T delta)^k (T delta')^l] = k! l! [lambda^k mu^l] E[e^{sigma (xi_1 + xi'_1)}
    /// e^{lambda sum_t g_t + mu sum_t g'_t}], and the expectation factorises over the T iid token pairs:
    /// H(lambda, mu) M(lambda, mu)^(T-1) with H = E[e^{sigma (xi + xi')} e^{lambda g + mu g'}] and
    /// M = E[e^{lambda g + mu g'}] for ONE pair, both by Wick. M = 1 + epsilon with epsilon = O(sigma^2), so
    /// M^(T-1) is the binomial series of (1 + v)^(T-1) in epsilon with T symbolic. The work is a fixed-size
    /// polynomial computation for every T (no sum over T tokens is ever written out).
    /// </summary>
    private static Expr[] DeriveMoments(int order)
    {
        var lambda = new Symbol("lambda");
        var mu = new Symbol("mu");
        RandomVariable Xi(int copy) => RandomVariable.Of("xi", [Number.Of(copy)], []);
        var logits = new GaussianFamily("xi", (p, q) => p.Indices[0].Equals(q.Indices[0]) ? Number.One : Rho);
        var wick = new WickEngine([logits]);
        // Many terms share their random part xi^a xi'^b: take each such Gaussian moment once.
        var moments = new Dictionary<Expr, Expr>();
        Expr ExpectTerm(Expr term)
        {
            var factors = term is Product p ? p.Children : [term];
            var random = Product.Of(factors.Where(f => f.IsRandom));
            if (!moments.TryGetValue(random, out var moment)) moments[random] = moment = Expansion.Expand(wick.Expectation(random));
            return Product.Of(Product.Of(factors.Where(f => !f.IsRandom)), moment);
        }
        TruncatedSeries Expect(TruncatedSeries s) => s.Select((_, c) => Expansion.Expand(Sum.Of(Prenex.Terms(c).Select(ExpectTerm))));

        // The engine's Taylor coefficients: e^{sigma x}, e^v, 1/(1 + v) and (1 + v)^(T-1).
        var x = new Symbol("x");
        var v = new Symbol("v");
        var exponential = TruncatedSeries.Taylor(Sym.Exp(Sigma * x), Sigma, order);
        var expCoefficients = Coefficients(TruncatedSeries.Taylor(Sym.Exp(v), v, order));
        var geometric = Coefficients(TruncatedSeries.Taylor(1 / (1 + (Expr)v), v, order));
        var binomial = Coefficients(TruncatedSeries.Taylor(Expr.Pow(1 + (Expr)v, Tokens - 1), v, order));

        TruncatedSeries ExpOf(Expr argument) => exponential.Select((_, c) => Substitution.Apply(c, x, argument));
        TruncatedSeries G(int copy) => ExpOf(Xi(copy)).Select((k, c) => k == 0 ? Sum.Of(c, Number.MinusOne) : c);
        // e^{lambda g + mu g'} = e^{lambda g} e^{mu g'}: each factor has the single term xi^k P_k(lambda) at sigma^k.
        var generating = G(0).Select((_, c) => lambda * c).Compose(expCoefficients)
            .Times(G(1).Select((_, c) => mu * c).Compose(expCoefficients));
        var m = Expect(generating);
        if (!m[0].Equals(Number.One)) throw new InvalidOperationException("M should start at 1, got " + m[0]);
        // e^{sigma xi} = 1 + g and g e^{lambda g} = d/dlambda e^{lambda g}, so H = (1 + d/dlambda)(1 + d/dmu) M.
        var h = m.Select((_, c) => Expansion.Expand(Sum.Of([c, Differentiation.Derivative(c, lambda), Differentiation.Derivative(c, mu),
            Differentiation.Derivative(Differentiation.Derivative(c, lambda), mu)])));
        var epsilon = m.Select((k, c) => k == 0 ? Number.Zero : c);
        // H M^(T-1) = sum_k binom(T-1, k) H epsilon^k: the T-free products first, T enters only as a factor.
        var pieces = epsilon.Powers().Select(e => h.Times(e)).ToList();
        // [lambda^a mu^b] -> T^-2 * c_a c_b a! b! T^-(a+b): the geometric series in delta with delta^a = (T delta)^a / T^a.
        Expr Collapse(Expr polynomial)
        {
            var terms = new List<Expr>();
            foreach (var (k, inMu) in WidthLimit.ByPower(polynomial, lambda))
                foreach (var (l, c) in WidthLimit.ByPower(inMu, mu))
                {
                    int a = (int)k.Numerator, b = (int)l.Numerator;
                    terms.Add(Product.Of([c, geometric[a], geometric[b], Factorial(a), Factorial(b), Expr.Pow(Tokens, Number.Of(-2 - a - b))]));
                }
            return Sum.Of(terms);
        }
        var result = Enumerable.Range(0, order + 1)
            .Select(j => Expansion.Expand(Sum.Of(pieces.Select((piece, k) => Product.Of(binomial[k], Collapse(piece[j]))))))
            .ToArray();
        foreach (var moment in result)
            if (moment.IsRandom || FreeSymbols.Contains(moment, lambda) || FreeSymbols.Contains(moment, mu))
                throw new InvalidOperationException("the expectation left random factors or generating parameters: " + moment);
        return result;
    }

    private static IReadOnlyList<Expr> Coefficients(TruncatedSeries s) => Enumerable.Range(0, s.Order + 1).Select(k => s[k]).ToList();

    private static Number Factorial(int n) => Number.Of(Enumerable.Range(1, n).Aggregate(System.Numerics.BigInteger.One, (f, k) => f * k));

    /// <summary>sum_j rho^j c_j(T), each c_j over a common power of T with its (T - 1) factors shown.</summary>
    private static Expr Present(Expr moment) =>
        Sum.Of(WidthLimit.ByPower(moment, Rho).Select(kv => Product.Of(Power.Of(Rho, kv.Key), RationalInTokens.Factor(kv.Value, Tokens))));
}
