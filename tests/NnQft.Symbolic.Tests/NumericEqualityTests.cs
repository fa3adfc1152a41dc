// SPDX-License-Identifier: MIT
using NnQft.Symbolic;

namespace NnQft.Symbolic.Tests;

/// <summary>The numeric second opinion of the equality check compares small values at their own scale and draws integers widely.</summary>
public class NumericEqualityTests
{
    private static readonly Expr Tiny = Number.Of(1, 1_000_000_000_000);

    [Test]
    public void SmallValuesAreComparedRelatively()
    {
        var x = Sym.Positive("x");
        Assert.That(Equality.NumericallyEqual(Tiny * x, 2 * Tiny * x), Is.False);
        Assert.That(Equality.AreEqual(Tiny * x, 2 * Tiny * x), Is.False);
        Assert.That(Equality.NumericallyEqual(Tiny * Sym.Exp(2 * x), Tiny * Expr.Pow(Sym.Exp(x), 2)), Is.True);
    }

    [Test]
    public void CancellationIsJudgedAgainstTheTermsThatCancel()
    {
        var x = Sym.Var("x");
        // sin^2 + cos^2 - 1 is 0 up to rounding of terms of size 1.
        Assert.That(Equality.NumericallyEqual(Expr.Pow(Sym.Sin(x), 2) + Expr.Pow(Sym.Cos(x), 2) - 1, 0), Is.True);
    }

    [Test]
    public void PolynomialVanishingOnTwoToFiveIsNotZero()
    {
        var t = Symbol.Count("T");
        Expr p = (t - 2) * (t - 3) * (t - 4) * (t - 5);
        Assert.That(Equality.NumericallyEqual(p, 0), Is.False);
        Assert.That(Equality.NumericallyEqual(Expansion.Expand(p), p), Is.True);
    }

    [Test]
    public void CompareSaysWhichMethodDecided()
    {
        var x = Sym.Var("x");
        Assert.That(Equality.Compare((x + 1) * (x + 1), x * x + 2 * x + 1), Is.EqualTo(EqualityEvidence.CanonicalForm));
        Assert.That(Equality.Compare(Expr.Pow(Sym.Sin(x), 2) + Expr.Pow(Sym.Cos(x), 2), 1), Is.EqualTo(EqualityEvidence.RandomPoints));
        Assert.That(Equality.Compare(x, x + 1), Is.EqualTo(EqualityEvidence.None));
    }
}
