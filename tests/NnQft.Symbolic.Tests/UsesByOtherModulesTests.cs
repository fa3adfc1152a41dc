// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Symbolic;
using static NnQft.Symbolic.NetworkSymbols;

namespace NnQft.Symbolic.Tests;

/// <summary>The engine in the roles the numeric and hybrid modules will use it for.</summary>
public sealed class UsesByOtherModulesTests
{
    [TestCase(2)]
    [TestCase(3)]
    public void SmallLogitSeriesOfTheTwoPointAttentionMomentMatchesTheory(int tokens)
    {
        // F_T = E[A_1(z) A_1(z')] with logits eps*xi: Taylor in eps, then Wick over xi with
        // E[xi_t xi_u] = E[xi'_t xi'_u] = delta_tu, E[xi_t xi'_u] = rho delta_tu (sigma^2 = eps^2).
        var eps = Symbol.Positive("eps");
        var rho = new Symbol("rho");
        RandomVariable Xi(int t, int copy) => RandomVariable.Of("xi", [t, copy], []);
        Expr Softmax1(int copy) => Sym.Exp(eps * Xi(1, copy)) / Sum.Of(Enumerable.Range(1, tokens).Select(t => Sym.Exp(eps * Xi(t, copy))));
        var family = new GaussianFamily("xi", (p, q) => KroneckerDelta.Of(p.Indices[0], q.Indices[0])
            * (p.Indices[1].Equals(q.Indices[1]) ? Number.One : rho));
        var series = Series.Taylor(Softmax1(0) * Softmax1(1), eps, 2);
        var moment = Expansion.Expand(new WickEngine([family]).Expectation(series));
        // docs/theory.md section 6: F_T = T^-2 [1 + rho sigma^2 (T - 1)/T + O(sigma^4)].
        var expected = Number.Of(1, tokens * tokens) * (1 + rho * eps * eps * Number.Of(tokens - 1, tokens));
        Assert.That(Equality.AreEqual(moment, expected), Is.True, moment.ToString());
    }

    [Test]
    public void KernelClosedFormsPrintAndEvaluate()
    {
        var r = Sym.Positive("r");
        var l = Sym.Positive("l");
        Expr nu = 3;
        var matern = Sym.Pow(2, 1 - nu / 2) / Sym.Gamma(nu / 2) * Sym.Pow(Sym.Sqrt(nu) * r / l, nu / 2) * Sym.BesselK(nu / 2, Sym.Sqrt(nu) * r / l);
        Assert.That(LatexPrinter.Print(Sym.Exp(-(r * r) / (2 * l * l))), Is.EqualTo(@"\exp\left(-\frac{r^{2}}{2 l^{2}}\right)"));
        var env = EvaluationEnvironment.OfSymbols(new Dictionary<string, double> { ["r"] = 0.8, ["l"] = 0.5 });
        // nu = 3: 2^{-1/2}/Gamma(3/2) z^{3/2} K_{3/2}(z) = (1 + z) e^{-z}, z = sqrt(3) r / l.
        double z = Math.Sqrt(3) * 0.8 / 0.5;
        Assert.That(Evaluator.Evaluate(matern, env), Is.EqualTo((1 + z) * Math.Exp(-z)).Within(1e-10));
        Assert.That(Compiler.Compile(matern, [r, l]).Evaluate(env), Is.EqualTo((1 + z) * Math.Exp(-z)).Within(1e-10));
    }

    [Test]
    public void CompiledConditionalMomentEqualsTheInterpreterAndTheOneHeadFormula()
    {
        var arch = Architecture.Default with { SigmaB = 0.4 };
        var evaluator = ConditionalMomentEvaluator.Create(arch, 4);
        var rng = new Random(11);
        var c = new double[4, 4];
        for (int a = 0; a < 4; a++) for (int b = 0; b <= a; b++) c[a, b] = c[b, a] = rng.NextDouble() + (a == b ? 1 : 0);
        double dv = 16, sa = 1.3, sb = 0.4;
        double value = evaluator.Evaluate([c], dv, sa, sb);
        // One head, docs/theory.md section 4 with a bias: (phi = beta + psi) E[psi^4|.] + 6 s_b^2 E[psi psi|.] pairs + 3 s_b^4.
        double C(int a, int b) => c[a - 1, b - 1];
        double pairs = C(1, 2) * C(3, 4) + C(1, 3) * C(2, 4) + C(1, 4) * C(2, 3);
        double twoPoint = C(1, 2) + C(1, 3) + C(1, 4) + C(2, 3) + C(2, 4) + C(3, 4);
        double expected = Math.Pow(sa, 4) * (1 + 2 / dv) * pairs + sb * sb * sa * sa * twoPoint + 3 * Math.Pow(sb, 4);
        Assert.That(value, Is.EqualTo(expected).Within(1e-12));
        Assert.That(evaluator.Evaluate([c], double.PositiveInfinity, sa, sb),
            Is.EqualTo(Math.Pow(sa, 4) * pairs + sb * sb * sa * sa * twoPoint + 3 * Math.Pow(sb, 4)).Within(1e-12));

        var two = new[] { c, c };
        var env = new EvaluationEnvironment(
            new Dictionary<string, double> { ["N_h"] = 2, ["d_v"] = dv, ["sigma_a"] = sa, ["sigma_b"] = sb, ["x1"] = 1, ["x2"] = 2, ["x3"] = 3, ["x4"] = 4 },
            new Covariances(two), node => throw new InvalidOperationException());
        Assert.That(evaluator.Evaluate(two, dv, sa, sb), Is.EqualTo(Evaluator.Evaluate(evaluator.Expression, env)).Within(1e-12));
    }

    /// <summary>c_h(xa, xb) for the interpreter: the random variable's indices (head) then points, all 1-based.</summary>
    private sealed class Covariances(double[][,] perHead) : NodeValues
    {
        public override double Function(string name, NodeArguments args) =>
            name == NetworkSymbols.ConditionalCovariance ? perHead[(int)args[0] - 1][(int)args[1] - 1, (int)args[2] - 1] : base.Function(name, args);
    }
}
