// SPDX-License-Identifier: MIT
using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;
using NnQft.Symbolic;
using static NnQft.Symbolic.Tests.RandomExpressions;

namespace NnQft.Symbolic.Tests;

public sealed class AlgebraPropertyTests
{
    [Test]
    public void LikeTermsMergeAndNumbersFold()
    {
        Expr x = X, y = Y;
        Assert.That(x + x, Is.EqualTo(2 * x));
        Assert.That(x * x, Is.EqualTo(Power.Of(x, 2)));
        Assert.That(x - x, Is.EqualTo(Number.Zero));
        Assert.That(x * y - y * x, Is.EqualTo(Number.Zero));
        Assert.That((Expr)1 / 2 + (Expr)1 / 3, Is.EqualTo(Number.Of(5, 6)));
        Assert.That(Power.Of(Number.Of(4), Number.Of(1, 2)), Is.EqualTo(Number.Of(2)));
        Assert.That(Power.Of(Power.Of(Z, 2), Number.Of(1, 2)), Is.EqualTo(Z), "z is positive");
        Assert.That(Power.Of(Power.Of(X, 2), Number.Of(1, 2)), Is.Not.EqualTo(X), "sqrt(x^2) = |x| for real x");
        Assert.That(FunctionCall.Of(FunctionKind.Gamma, [Number.Of(5)]), Is.EqualTo(Number.Of(24)));
        Assert.That(FunctionCall.Exp(FunctionCall.Log(x)), Is.EqualTo(x));
    }

    [Test]
    public void IndexSumsContractDeltasAndCountTerms()
    {
        var i = Symbol.Index("i");
        var j = Symbol.Index("j");
        var n = Symbol.Count("n");
        var f = RandomVariable.Of("f", [j], []);
        Assert.That(IndexSum.Of(KroneckerDelta.Of(i, i), i, n), Is.EqualTo(n));
        Assert.That(IndexSum.Of(KroneckerDelta.Of(i, j) * f, j, n), Is.EqualTo(RandomVariable.Of("f", [i], [])));
        Assert.That(IndexSum.Of(IndexSum.Of(KroneckerDelta.Of(i, j), j, n), i, n), Is.EqualTo(n));
        Assert.That(IndexSum.Of(3 * (Expr)X, i, n), Is.EqualTo(3 * X * n));
    }

    [FsCheckProperty(MaxTest = 60, Replay = "(1234567,891011)")]
    public bool CanonicalFormIsIdempotent(int seed)
    {
        var e = Generate(new Random(seed), 4);
        return Simplification.Simplify(e).Equals(e);
    }

    [FsCheckProperty(MaxTest = 60, Replay = "(2234567,891011)")]
    public bool CanonicalFormIsIndependentOfTermAndFactorOrder(int seed)
    {
        var rng = new Random(seed);
        var items = Enumerable.Range(0, 5).Select(_ => Generate(rng, 2)).ToList();
        var shuffled = items.OrderBy(_ => rng.Next()).ToList();
        return Sum.Of(items).Equals(Sum.Of(shuffled)) && Product.Of(items).Equals(Product.Of(shuffled));
    }

    [FsCheckProperty(MaxTest = 60, Replay = "(3234567,891011)")]
    public bool ExpandAndSimplifyPreserveValue(int seed)
    {
        var rng = new Random(seed);
        var e = Generate(rng, 4);
        var expanded = Expansion.Expand(e);
        var simplified = Simplification.Simplify(e, tryExpansion: true);
        for (int k = 0; k < 3; k++)
        {
            var p = Point(rng);
            double v = Eval(e, p);
            if (!Close(v, Eval(expanded, p), 1e-8) || !Close(v, Eval(simplified, p), 1e-8)) return false;
        }
        return true;
    }

    [FsCheckProperty(MaxTest = 60, Replay = "(4234567,891011)")]
    public bool DerivativesMatchFiniteDifferences(int seed)
    {
        var rng = new Random(seed);
        var e = Generate(rng, 3);
        var d = Differentiation.Derivative(e, X);
        var p = Point(rng);
        const double h = 1e-5;
        var plus = new Dictionary<string, double>(p) { ["x"] = p["x"] + h };
        var minus = new Dictionary<string, double>(p) { ["x"] = p["x"] - h };
        double fd = (Eval(e, plus) - Eval(e, minus)) / (2 * h);
        // Central differences are accurate to O(h^2 f''') plus rounding O(eps f / h).
        double scale = Math.Max(1, Math.Abs(Eval(e, p)));
        return Math.Abs(fd - Eval(d, p)) <= 1e-5 * scale * Math.Max(1, Math.Abs(fd));
    }

    [FsCheckProperty(MaxTest = 40, Replay = "(5234567,891011)")]
    public bool CompiledDelegatesEqualTheInterpreter(int seed)
    {
        var rng = new Random(seed);
        var e = Generate(rng, 5);
        var compiled = Compiler.Compile(e, [.. FreeSymbols.Of(e)]);
        for (int k = 0; k < 3; k++)
        {
            var env = EvaluationEnvironment.OfSymbols(Point(rng));
            if (!Close(Evaluator.Evaluate(e, env), compiled.Evaluate(env), 1e-12)) return false;
        }
        return true;
    }

    [TestCase(2)]
    [TestCase(4)]
    [TestCase(6)]
    public void SeriesMatchesTheFunctionToTheStatedOrder(int order)
    {
        var eps = new Symbol("eps");
        Expr f = FunctionCall.Exp(eps * X) * FunctionCall.Of(FunctionKind.Sin, [eps + Y]) / (1 + eps);
        var series = Series.Taylor(f, eps, order);
        var p = new Dictionary<string, double> { ["x"] = 0.7, ["y"] = 0.3 };
        double Error(double e)
        {
            var at = new Dictionary<string, double>(p) { ["eps"] = e };
            return Math.Abs(Eval(f, at) - Eval(series, at));
        }
        // The remainder is O(eps^(order+1)): halving eps divides it by about 2^(order+1).
        double ratio = Error(0.02) / Error(0.01);
        Assert.That(ratio, Is.EqualTo(Math.Pow(2, order + 1)).Within(15).Percent);
        Assert.That(Series.Coefficient(series, eps, 0), Is.EqualTo(FunctionCall.Of(FunctionKind.Sin, [Y])));
    }

    [Test]
    public void SmallLogitSeriesOfTwoTokenSoftmaxHasTheKnownFirstCoefficients()
    {
        // A_1 = e^{s1} / (e^{s1} + e^{s2}) with s = eps * z: 1/2 + eps (z1 - z2)/4 + O(eps^3).
        var eps = new Symbol("eps");
        Expr z1 = new Symbol("z1"), z2 = new Symbol("z2");
        var a1 = FunctionCall.Exp(eps * z1) / (FunctionCall.Exp(eps * z1) + FunctionCall.Exp(eps * z2));
        var s = Expansion.Expand(Series.Taylor(a1, eps, 2));
        Assert.That(Equality.AreEqual(Series.Coefficient(s, eps, 0), Number.Of(1, 2)), Is.True);
        Assert.That(Equality.AreEqual(Series.Coefficient(s, eps, 1), (z1 - z2) / 4), Is.True);
        Assert.That(Equality.AreEqual(Series.Coefficient(s, eps, 2), Number.Zero), Is.True);
    }

    [Test]
    public void WidthLimitKeepsTheLeadingOrder()
    {
        var dv = Symbol.Count("d_v");
        Expr e = X * (1 + 2 / (Expr)dv) + Y / Power.Of(dv, 2);
        Assert.That(WidthLimit.LeadingOrder(e, dv), Is.EqualTo((Expr)X));
        var (lead, rest) = WidthLimit.SplitConstant(e, dv);
        Assert.That(lead, Is.EqualTo((Expr)X));
        Assert.That(Equality.AreEqual(rest, 2 * X / dv + Y / Power.Of(dv, 2)), Is.True);
    }
}
