// SPDX-License-Identifier: MIT
using NnQft.Model;

namespace NnQft.Symbolic.Tests;

/// <summary>
/// <see cref="SmallLogitSeries"/>: the symbolic-T series of F_T(sigma^2, rho) against two independent engine routes
/// (the fixed-T softmax Taylor expansion, and symbolic index sums with Kronecker-delta contraction) and against the
/// known cases of docs/theory.md sections 6 and 8, written out here.
/// </summary>
public class SmallLogitSeriesTests
{
    private static readonly Symbol Sigma = SmallLogitSeries.Sigma;
    private static readonly Symbol Rho = SmallLogitSeries.Rho;
    private static readonly Symbol T = SmallLogitSeries.Tokens;

    private static GaussianFamily Logits(Func<Expr, Expr, Expr> tokenCovariance) =>
        new("xi", (p, q) => tokenCovariance(p.Indices[0], q.Indices[0]) * (p.Indices[1].Equals(q.Indices[1]) ? Number.One : Rho));

    private static RandomVariable Xi(Expr token, int copy) => RandomVariable.Of("xi", [token, copy], []);

    /// <summary>
    /// The independent reference (the old CLI route): for a fixed T the softmax product A_1(z) A_1(z') written out
    /// over T explicit tokens, Taylor-expanded in sigma by differentiation, Wick over the 2T logits.
    /// </summary>
    private static Expr BruteForce(int tokens, int order)
    {
        Expr Weight(int copy) => Sym.Exp(Sigma * Xi(1, copy)) / Sum.Of(Enumerable.Range(1, tokens).Select(t => Sym.Exp(Sigma * Xi(t, copy))));
        var taylor = Series.Taylor(Weight(0) * Weight(1), Sigma, order);
        return Expansion.Expand(new WickEngine([Logits(KroneckerDelta.Of)]).Expectation(taylor));
    }

    /// <summary>
    /// A second symbolic-T route: 1/(sum_t e^{sigma xi_t}) = T^-1 sum_k (-delta)^k with delta an index sum over
    /// t = 1..T, products truncated in sigma, Wick on the index sums, Kronecker deltas contracted to powers of T.
    /// </summary>
    private static Expr[] ByIndexSums(int order)
    {
        var t = Symbol.Index("t");
        Expr[] Exp(Expr token, int copy, bool minusOne) => Enumerable.Range(0, order + 1)
            .Select(m => m == 0 ? (minusOne ? Number.Zero : Number.One) : Expr.Pow(Xi(token, copy), m) / Factorial(m)).ToArray();
        Expr[] Times(Expr[] a, Expr[] b) => Enumerable.Range(0, order + 1)
            .Select(k => Expansion.Expand(Sum.Of(Enumerable.Range(0, k + 1).Select(i => Product.Of(a[i], b[k - i]))))).ToArray();
        Expr[] Weight(int copy)
        {
            var delta = Exp(t, copy, minusOne: true).Select(c => IndexSum.Of(c, t, T) / T).ToArray();
            var inverse = new Expr[order + 1];
            var power = Enumerable.Range(0, order + 1).Select(k => k == 0 ? Number.One : (Expr)Number.Zero).ToArray();
            for (int k = 0; k <= order; k++) inverse[k] = Number.Zero;
            for (int n = 0; n <= order; n++)
            {
                for (int k = 0; k <= order; k++) inverse[k] = Sum.Of(inverse[k], Product.Of(Number.Of(n % 2 == 0 ? 1 : -1), power[k]));
                power = Times(power, delta);
            }
            return Times(Exp(Number.One, copy, minusOne: false), inverse).Select(c => c / T).ToArray();
        }
        var wick = new WickEngine([Logits(KroneckerDelta.Of)]);
        return Times(Weight(0), Weight(1)).Select(c => Expansion.Expand(wick.Expectation(c))).ToArray();
    }

    private static Number Factorial(int n) => Number.Of(Enumerable.Range(1, n).Aggregate(System.Numerics.BigInteger.One, (f, k) => f * k));

    [TestCase(1, 4)]
    [TestCase(2, 4)]
    [TestCase(3, 4)]
    [TestCase(4, 4)]
    [TestCase(2, 6)]
    [TestCase(3, 6, Category = "Slow")]
    public void SymbolicTWithTSubstitutedEqualsTheFixedTBruteForceExpansion(int tokens, int order)
    {
        var brute = BruteForce(tokens, order);
        var symbolic = SmallLogitSeries.TwoPoint(order, tokens);
        Assert.That(Expansion.Expand(symbolic - brute), Is.EqualTo((Expr)Number.Zero), $"series {symbolic}\nbrute {brute}");
    }

    [Test]
    public void SymbolicTEqualsTheIndexSumRouteCoefficientByCoefficient()
    {
        const int order = 6;
        var reference = ByIndexSums(order);
        var coefficients = SmallLogitSeries.Coefficients(order);
        for (int k = 0; k <= order; k++)
            Assert.That(Expansion.Expand(coefficients[k] - reference[k]), Is.EqualTo((Expr)Number.Zero),
                $"sigma^{k}: series {coefficients[k]}, index sums {reference[k]}");
    }

    [TestCaseSource(nameof(AllOrders))]
    public void OneTokenGivesExactlyOne(int order) =>
        Assert.That(SmallLogitSeries.TwoPoint(order, 1), Is.EqualTo((Expr)Number.One));

    [TestCaseSource(nameof(AllOrders))]
    public void UncorrelatedLogitsGiveExactlyOneOverTSquared(int order)
    {
        // docs/theory.md section 6: rho = 0 gives F = 1/T^2 at every sigma, so every higher coefficient must vanish at rho = 0.
        var atZero = Expansion.Expand(Substitution.Apply(SmallLogitSeries.TwoPoint(order), Rho, Number.Zero));
        Assert.That(atZero, Is.EqualTo(Expr.Pow(T, -2)));
    }

    [TestCaseSource(nameof(AllOrders))]
    public void OddPowersOfSigmaVanish(int order)
    {
        var coefficients = SmallLogitSeries.Coefficients(order);
        Assert.That(coefficients, Has.Count.EqualTo(order + 1));
        for (int k = 1; k <= order; k += 2) Assert.That(coefficients[k], Is.EqualTo((Expr)Number.Zero), $"sigma^{k}");
    }

    [Test]
    public void SigmaSquaredCoefficientIsTheTheoryValue()
    {
        // docs/theory.md section 6: F_T = T^-2 [1 + rho sigma^2 (T-1)/T + O(sigma^4)].
        var expected = Rho * (T - 1) / Expr.Pow(T, 3);
        var series = SmallLogitSeries.TwoPoint(8);
        Assert.That(Equality.AreEqual(Series.Coefficient(series, Sigma, 2), expected), Is.True, series.ToString());
        Assert.That(Equality.AreEqual(Series.Coefficient(series, Sigma, 0), 1 / (T * T)), Is.True);
    }

    [Test]
    public void LowerOrdersAreTruncationsOfHigherOnes()
    {
        var high = SmallLogitSeries.Coefficients(10);
        foreach (int order in new[] { 2, 4, 6, 8 })
        {
            var low = SmallLogitSeries.Coefficients(order);
            for (int k = 0; k <= order; k++) Assert.That(low[k], Is.EqualTo(high[k]), $"order {order}, sigma^{k}");
        }
    }

    [Test]
    public void CoefficientsAreRationalInTAndPolynomialInRho()
    {
        // Every sigma^k coefficient with k >= 2 carries a factor (T - 1): T = 1 tokens is exact at every sigma.
        var coefficients = SmallLogitSeries.Coefficients(10);
        for (int k = 2; k <= 10; k += 2)
        {
            var c = coefficients[k];
            Assert.That(FreeSymbols.Of(c).Select(s => s.Name), Is.SubsetOf(new[] { "T", "rho" }), c.ToString());
            Assert.That(Expansion.Expand(Substitution.Apply(c, T, Number.One)), Is.EqualTo((Expr)Number.Zero), c.ToString());
            Assert.That(TextPrinter.Print(c), Does.Contain("(T - 1)"), "the factored presentation shows (T - 1)");
        }
    }

    [Test]
    public void ValueEvaluatesTheSeries()
    {
        // T = 4 at sigma^2 = 0.25, rho = 0.5 through sigma^4, from the coefficients printed by the engine: a change
        // in the evaluation (sigma vs sigma^2) would be caught.
        double s2 = 0.25, r = 0.5, t = 4;
        double expected = 1 / (t * t) + s2 * r * (t - 1) / (t * t * t) + s2 * s2 * (-2 * r * (t - 1) / Math.Pow(t, 4) + r * r * (t - 2) * (t - 1) / (2 * Math.Pow(t, 4)));
        Assert.That(SmallLogitSeries.Value(4, 4, s2, r), Is.EqualTo(expected).Within(1e-15));
    }

    [TestCase(3)]
    [TestCase(12)]
    [TestCase(-2)]
    public void UnsupportedOrderIsRejectedNamingTheField(int order)
    {
        var e = Assert.Throws<InvalidInputException>(() => SmallLogitSeries.TwoPoint(order));
        Assert.That(e!.Field, Is.EqualTo("order"));
        Assert.That(e.Message, Does.Contain("10"));
    }

    [Test]
    public void NonPositiveTokenCountIsRejectedNamingTheField()
    {
        var e = Assert.Throws<InvalidInputException>(() => SmallLogitSeries.TwoPoint(4, 0));
        Assert.That(e!.Field, Is.EqualTo("tokens"));
    }

    [Test]
    public void ConcurrentFirstCallsAgree()
    {
        var results = new Expr[4];
        Parallel.For(0, results.Length, i => results[i] = SmallLogitSeries.TwoPoint(6));
        Assert.That(results.Distinct().Count(), Is.EqualTo(1));
    }

    private static IEnumerable<int> AllOrders() => SmallLogitSeries.Orders;
}
