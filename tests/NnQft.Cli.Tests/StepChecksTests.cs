// SPDX-License-Identifier: MIT
using NnQft.Hybrid.Proofs;
using NnQft.Symbolic;

namespace NnQft.Cli.Tests;

/// <summary>A proof step is checked by the engine's one equality check, not a copy of it.</summary>
public class StepChecksTests
{
    [Test]
    public void StepCheckRefutesWhatTheEngineRefutes()
    {
        // Differ by a factor of 2 at a scale of 1e-12: an absolute tolerance would call them equal.
        var x = Sym.Positive("x");
        Expr tiny = Number.Of(1, 1_000_000_000_000);
        Expr a = tiny * Sym.Exp(2 * x), b = 2 * tiny * Expr.Pow(Sym.Exp(x), 2);
        Assert.That(Equality.AreEqual(a, b), Is.False);
        Assert.That(StepChecks.Symbolic(a, b).Passed, Is.False);
    }

    [Test]
    public void StepCheckKeepsPiFixed()
    {
        Expr lhs = FunctionCall.Of(FunctionKind.Arcsin, [Number.One]);
        Assert.That(StepChecks.Symbolic(lhs, Constants.Pi / 2).Passed, Is.True);
        Assert.That(StepChecks.Symbolic(lhs, Constants.Pi / 3).Passed, Is.False);
    }

    [Test]
    public void StepCheckSaysWhichMethodDecided()
    {
        var x = Sym.Var("x");
        Assert.That(StepChecks.Symbolic((x + 1) * (x + 1), x * x + 2 * x + 1).Method, Does.Contain("canonical form"));
        Assert.That(StepChecks.Symbolic(Expr.Pow(Sym.Sin(x), 2) + Expr.Pow(Sym.Cos(x), 2), 1).Method, Does.Contain("random points"));
    }
}
