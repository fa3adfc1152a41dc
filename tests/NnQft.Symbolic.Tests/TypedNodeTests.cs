// SPDX-License-Identifier: MIT
using NnQft.Symbolic;
using static NnQft.Symbolic.NetworkSymbols;

namespace NnQft.Symbolic.Tests;

/// <summary>Kernels, attention moments and pi are typed nodes: their own printing, evaluation, compilation and canonical form.</summary>
public sealed class TypedNodeTests
{
    private static readonly Symbol X1 = Point(1), X2 = Point(2), X3 = Point(3), X4 = Point(4), X5 = Point(5), X6 = Point(6);

    [Test]
    public void MomentsPrintInThePairFormOfTheInterface()
    {
        var m4 = AttentionMoment.Paired([(2, X3, X4), (1, X2, X1)]);
        Assert.That(TextPrinter.Print(m4), Is.EqualTo("M4(1, 2, x1, x2, x3, x4)"));
        Assert.That(SympyPrinter.Print(m4), Is.EqualTo("M4(1, 2, x1, x2, x3, x4)"));
        Assert.That(LatexPrinter.Print(m4), Is.EqualTo(@"M_{4}\left(1, 2, x_{1}, x_{2}, x_{3}, x_{4}\right)"));
        var m6 = AttentionMoment.Paired([(3, X5, X6), (1, X1, X2), (2, X3, X4)]);
        Assert.That(TextPrinter.Print(m6), Is.EqualTo("M6(1, 2, 3, x1, x2, x3, x4, x5, x6)"));
        Assert.That(JsonPrinter.ToJson(m6)["name"]!.GetValue<string>(), Is.EqualTo("M6"));
        // One token four times: M4(1, 1, ...), its four points sorted.
        Assert.That(TextPrinter.Print(AttentionMoment.Paired([(1, X4, X2), (1, X3, X1)])), Is.EqualTo("M4(1, 1, x1, x2, x3, x4)"));
    }

    [Test]
    public void UnpairedPolynomialsPrintAsTheExpectationTheyStandFor()
    {
        var m = AttentionMoment.Of([(2, X2), (1, X1), (2, X3)]);
        Assert.That(m.IsPaired, Is.False);
        Assert.That(TextPrinter.Print(m), Is.EqualTo(TextPrinter.Print(Expectation.Of(A(1, X1) * A(2, X2) * A(2, X3)))));
        Assert.That(SympyPrinter.Print(m), Is.EqualTo("Expectation(A(1, x1)*A(2, x2)*A(2, x3))"));
        Assert.Throws<InvalidOperationException>(() => _ = m.PairArguments);
    }

    [Test]
    public void EqualMomentsAreEqualNodesWhateverTheFactorOrder()
    {
        Assert.That(AttentionMoment.Paired([(1, X2, X1), (2, X4, X3)]), Is.EqualTo(AttentionMoment.Paired([(2, X3, X4), (1, X1, X2)])));
        Assert.That(AttentionMoment.Paired([(1, X1, X2), (2, X3, X4)]), Is.Not.EqualTo(AttentionMoment.Paired([(1, X3, X4), (2, X1, X2)])));
        Assert.That(AttentionMomentSymbols.ToMomentSymbols(Expectation.Of(A(1, X2) * A(1, X1))), Is.EqualTo(AttentionMoment.Paired([(1, X1, X2)])));
        Assert.Throws<ArgumentOutOfRangeException>(() => AttentionMoment.Of(Enumerable.Range(1, 9).Select(k => ((Expr)1, (Expr)Point(k)))));
    }

    [Test]
    public void PiIsAConstantNotASymbol()
    {
        Expr e = Sym.Arcsin(Sym.Var("rho")) / (2 * Constants.Pi);
        Assert.That(FreeSymbols.Names(e), Is.EquivalentTo(new[] { "rho" }));
        Assert.That(Differentiation.Derivative(Constants.Pi * Sym.Var("x"), Sym.Var("x")), Is.EqualTo((Expr)Constants.Pi));
        Assert.That(TextPrinter.Print(e), Is.EqualTo("arcsin(rho)/(2*pi)"));
        Assert.That(LatexPrinter.Print(Sym.Sqrt(Constants.Pi)), Is.EqualTo(@"\sqrt{\pi}"));
        Assert.That(Evaluator.Evaluate(e, EvaluationEnvironment.OfSymbols(new Dictionary<string, double> { ["rho"] = 1 })), Is.EqualTo(0.25).Within(1e-15));
        // A symbol that happens to be called pi is a variable, not the constant.
        Assert.That(Equality.NumericallyEqual(Sym.Var("pi"), Constants.Pi), Is.False);
        Assert.That(Assumptions.IsPositive(Constants.Pi), Is.True);
    }

    [Test]
    public void CompiledCodeTakesTheCallersParameterOrder()
    {
        var (x, y) = (Sym.Var("x"), Sym.Var("y"));
        var f = Compiler.Compile(x - 2 * y, [y, x]);
        Assert.That(f.Evaluate([1.0, 5.0]), Is.EqualTo(3.0));
        Assert.That(Compiler.Compile(x - 2 * y, [x, y]).Evaluate([1.0, 5.0]), Is.EqualTo(-9.0));
        var missing = Assert.Throws<ArgumentException>(() => Compiler.Compile(x * y, [x]))!;
        Assert.That(missing.Message, Does.Contain("depends on y"));
        Assert.Throws<ArgumentException>(() => f.Evaluate([1.0]));
    }

    [Test]
    public void CompiledNodesCallTheirTypedValuesAndAllocateNothing()
    {
        var t = Symbol.Index("t");
        var e = IndexSum.Of(Kernel.Of(t, X1, X2) * AttentionMoment.Paired([(t, X1, X2)]), t, Tokens)
                + Kernel.Of(0, X1, X1) * AttentionMoment.Paired([(1, X1, X2), (2, X1, X2)]);
        var values = new RecordingValues { Recording = true };
        var f = Compiler.Compile(e, [X1, X2, Tokens]);
        double[] at = [1, 2, 3];
        double compiled = f.Evaluate(at, values);
        values.Recording = false;
        var env = new EvaluationEnvironment(new Dictionary<string, double> { ["x1"] = 1, ["x2"] = 2, ["T"] = 3 }, values, _ => throw new InvalidOperationException());
        Assert.That(compiled, Is.EqualTo(Evaluator.Evaluate(e, env)).Within(1e-12));
        // Kept arguments stay as they were (tokens, then points): each call got its own copy, not a refilled buffer.
        Assert.That(values.Kept.Select(k => string.Join(",", k.ToArray())).Distinct(),
            Is.EquivalentTo(new[] { "1,1,1,2", "2,2,1,2", "3,3,1,2", "1,1,2,2,1,2,1,2" }));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 100; k++) f.Evaluate(at, values);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    private sealed class RecordingValues : NodeValues
    {
        public List<NodeArguments> Kept { get; } = [];
        public bool Recording { get; set; }

        public override double Kernel(double token, double a, double b) => 1 + token + 0.1 * (a + b);

        public override double AttentionMoment(int degree, NodeArguments factors)
        {
            if (Recording) Kept.Add(factors);
            double v = degree;
            for (int k = 0; k < factors.Count; k++) v = 0.5 * v + factors[k];
            return v;
        }
    }
}
