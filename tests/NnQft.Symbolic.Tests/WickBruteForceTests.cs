// SPDX-License-Identifier: MIT
using NnQft.Symbolic;

namespace NnQft.Symbolic.Tests;

/// <summary>
/// The Wick engine against an independent computation: Gaussian moments from the moment generating function
/// E[exp(s.X)] = exp(s^T C s / 2), whose Taylor coefficients give E[prod X_k^alpha_k] = alpha! [s^alpha] (s^T C s / 2)^m / m!
/// with 2m = |alpha|. Exact rationals throughout; random covariance matrices and random polynomials, up to 8th order.
/// </summary>
public sealed class WickBruteForceTests
{
    private const int Variables = 4;

    private static RandomVariable X(int k) => RandomVariable.Of("X", [k], []);

    private static Number[,] RandomCovariance(Random rng)
    {
        var c = new Number[Variables, Variables];
        for (int i = 0; i < Variables; i++)
            for (int j = 0; j <= i; j++)
                c[i, j] = c[j, i] = Number.Of(rng.Next(-5, 6), rng.Next(1, 4));
        return c;
    }

    private static GaussianFamily Family(Number[,] c) =>
        new("X", (p, q) => c[(int)((Number)p.Indices[0]).Numerator, (int)((Number)q.Indices[0]).Numerator]);

    /// <summary>Multivariate polynomial in s: exponent vector -> coefficient.</summary>
    private static Dictionary<string, Number> Multiply(Dictionary<string, Number> a, Dictionary<string, Number> b)
    {
        var r = new Dictionary<string, Number>();
        foreach (var (ka, va) in a)
            foreach (var (kb, vb) in b)
            {
                var key = string.Join(",", ka.Split(',').Zip(kb.Split(','), (x, y) => int.Parse(x) + int.Parse(y)));
                r[key] = r.TryGetValue(key, out var old) ? old + va * vb : va * vb;
            }
        return r;
    }

    private static Number MomentByGeneratingFunction(Number[,] c, int[] alpha)
    {
        int total = alpha.Sum();
        if (total % 2 == 1) return Number.Zero;
        int m = total / 2;
        // Q(s) = s^T C s / 2.
        var q = new Dictionary<string, Number>();
        for (int i = 0; i < Variables; i++)
            for (int j = 0; j < Variables; j++)
            {
                var e = new int[Variables];
                e[i]++; e[j]++;
                var key = string.Join(",", e);
                q[key] = (q.TryGetValue(key, out var old) ? old : Number.Zero) + c[i, j] * Number.Of(1, 2);
            }
        var power = new Dictionary<string, Number> { [string.Join(",", new int[Variables])] = Number.One };
        for (int k = 0; k < m; k++) power = Multiply(power, q);
        var coefficient = power.GetValueOrDefault(string.Join(",", alpha), Number.Zero);
        System.Numerics.BigInteger mFact = 1, alphaFact = 1;
        for (int k = 2; k <= m; k++) mFact *= k;
        foreach (var a in alpha) for (int k = 2; k <= a; k++) alphaFact *= k;
        return coefficient * Number.Of(alphaFact, mFact);
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    public void GaussianMomentsOfRandomPolynomialsMatchTheGeneratingFunction(int seed)
    {
        var rng = new Random(seed);
        var c = RandomCovariance(rng);
        var engine = new WickEngine([Family(c)]);
        for (int trial = 0; trial < 6; trial++)
        {
            // A random polynomial of degree <= 8 with a few monomials.
            var terms = new List<Expr>();
            Number expected = Number.Zero;
            for (int t = 0; t < 3; t++)
            {
                var alpha = new int[Variables];
                int degree = rng.Next(0, 9);
                for (int k = 0; k < degree; k++) alpha[rng.Next(Variables)]++;
                var coefficient = Number.Of(rng.Next(-3, 4), rng.Next(1, 3));
                terms.Add(Product.Of(Enumerable.Range(0, Variables).Select(k => Power.Of(X(k), alpha[k])).Prepend(coefficient)));
                expected += coefficient * MomentByGeneratingFunction(c, alpha);
            }
            var polynomial = Sum.Of(terms);
            Assert.That(engine.Expectation(polynomial), Is.EqualTo((Expr)expected), $"E[{polynomial}]");
        }
    }

    [Test]
    public void EighthMomentOfOneVariableIsSeven105TimesTheFourthPowerOfTheVariance()
    {
        var c = new Number[Variables, Variables];
        for (int i = 0; i < Variables; i++) for (int j = 0; j < Variables; j++) c[i, j] = i == j ? Number.Of(3) : Number.Zero;
        var engine = new WickEngine([Family(c)]);
        Assert.That(engine.Expectation(Power.Of(X(0), 8)), Is.EqualTo((Expr)Number.Of(105 * 81)));
        Assert.That(engine.Expectation(Power.Of(X(0), 7)), Is.EqualTo((Expr)Number.Zero));
    }

    [Test]
    public void IndependentFamiliesDoNotPair()
    {
        var a = new GaussianFamily("a", (_, _) => Number.Of(2));
        var b = new GaussianFamily("b", (_, _) => Number.Of(5));
        var engine = new WickEngine([a, b]);
        Expr xa = RandomVariable.Of("a", [], []), xb = RandomVariable.Of("b", [], []);
        Assert.That(engine.Expectation(xa * xb), Is.EqualTo((Expr)Number.Zero));
        Assert.That(engine.Expectation(xa * xa * xb * xb), Is.EqualTo((Expr)Number.Of(10)));
    }

    [Test]
    public void WidthSumsContractToTheWidth()
    {
        // E[(d^-1/2 sum_i a_i y_i)^2] with Cov(a_i, a_j) = s delta_ij, y deterministic-free Gaussian with delta_ij: s.
        var i = Symbol.Index("i");
        var d = Symbol.Count("d");
        var s = Symbol.Positive("s");
        var a = new GaussianFamily("a", (p, q) => s * KroneckerDelta.Of(p.Indices[0], q.Indices[0]));
        var y = new GaussianFamily("y", (p, q) => KroneckerDelta.Of(p.Indices[0], q.Indices[0]));
        var phi = Power.Of(d, Number.Of(-1, 2)) * IndexSum.Of(RandomVariable.Of("a", [i], []) * RandomVariable.Of("y", [i], []), i, d);
        var engine = new WickEngine([a, y]);
        Assert.That(engine.Expectation(phi * phi), Is.EqualTo((Expr)s));
        // Fourth moment: s^2 (3 + 6/d): the (1 + 2/d_v) structure of docs/theory.md section 4 with three pairings.
        Assert.That(Equality.AreEqual(engine.Expectation(Power.Of(phi, 4)), s * s * (3 + 6 / (Expr)d)), Is.True);
    }
}
