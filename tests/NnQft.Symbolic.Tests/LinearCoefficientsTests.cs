// SPDX-License-Identifier: MIT
using NnQft.Symbolic;
using static NnQft.Symbolic.NetworkSymbols;

namespace NnQft.Symbolic.Tests;

/// <summary>The exact coefficients of the sampled moments in a derived form: collected symbolically, checked for linearity.</summary>
public sealed class LinearCoefficientsTests
{
    private static readonly AttentionMoment M = AttentionMoment.Paired([(1, Point(1), Point(2)), (2, Point(3), Point(4))]);
    private static readonly AttentionMoment N = AttentionMoment.Paired([(1, Point(1), Point(2)), (1, Point(3), Point(4))]);
    private static bool Sampled(Expr e) => e is AttentionMoment { Degree: 4 };

    [Test]
    public void CollectsEachMomentOnceAndReassemblesTheForm()
    {
        var k = Kernel.Of(1, Point(1), Point(2));
        var m2 = AttentionMoment.Paired([(1, Point(1), Point(2))]);
        Expr form = Tokens * k * (N - m2 * m2) + Tokens * (Tokens - 1) * k * (M - m2 * m2) + 2 * M / ValueWidth;
        var linear = LinearCoefficients.Collect(form, Sampled);
        Assert.That(linear.Terms.Select(t => t.Variable), Is.EquivalentTo(new Expr[] { M, N }));
        Assert.That(Equality.AreEqual(linear.Terms.Single(t => t.Variable.Equals(N)).Coefficient, Tokens * k), Is.True);
        Assert.That(Equality.AreEqual(linear.Terms.Single(t => t.Variable.Equals(M)).Coefficient, Tokens * (Tokens - 1) * k + 2 / ValueWidth), Is.True);
        Expr rebuilt = linear.Constant + Sum.Of(linear.Terms.Select(t => t.Coefficient * t.Variable));
        Assert.That(Equality.AreEqual(rebuilt, form), Is.True);
        Assert.That(LinearCoefficients.Collect(Tokens * k, Sampled).Terms, Is.Empty);
    }

    [Test]
    public void RejectsFormsThatAreNotLinearInTheMoments()
    {
        Assert.Throws<ArgumentException>(() => LinearCoefficients.Collect(M * N, Sampled));
        Assert.Throws<ArgumentException>(() => LinearCoefficients.Collect(Expr.Pow(M + 1, 2), Sampled));
        Assert.Throws<ArgumentException>(() => LinearCoefficients.Collect(Sym.Exp(M), Sampled));
    }

    [Test]
    public void DerivedFourPointFormsAreLinearInTheirSampledMoments()
    {
        var arch = NnQft.Model.Architecture.Default with { Features = NnQft.Model.Width.Infinite, KeyWidth = NnQft.Model.Width.Infinite };
        var g4 = Derive.Correlator(arch, 4, connected: true);
        var linear = LinearCoefficients.Collect(g4.Value, Sampled);
        Assert.That(linear.Terms, Is.Not.Empty);
        Assert.That(linear.Terms.All(t => !ContainsSampled(t.Coefficient) && t.Variable is AttentionMoment), Is.True);
        Assert.That(ContainsSampled(linear.Constant), Is.False);
    }

    private static bool ContainsSampled(Expr e) => Sampled(e) || e.Children.Any(ContainsSampled);
}
