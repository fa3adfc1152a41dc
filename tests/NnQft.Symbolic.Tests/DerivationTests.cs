// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Symbolic;
using static NnQft.Symbolic.Tests.TheoryFormulas;
using static NnQft.Symbolic.NetworkSymbols;

namespace NnQft.Symbolic.Tests;

public sealed class DerivationTests
{
    private static readonly Architecture Infinite = Architecture.Default with { Features = Width.Infinite, KeyWidth = Width.Infinite };

    private static Expr Moments(Expr e) => AttentionMomentSymbols.Canonicalize(e, exchangeable: true);

    private static void AssertEqual(Expr derived, Expr expected) =>
        Assert.That(Equality.AreEqual(derived, expected), Is.True, $"derived:  {derived}\nexpected: {expected}");

    [TestCase(false)]
    [TestCase(true)]
    public void TwoPointMatchesAttentionWeightRepresentation(bool bias)
    {
        var arch = Infinite with { SigmaB = bias ? 0.3 : 0.0 };
        var d = Derive.Correlator(arch, 2, connected: false);
        AssertEqual(d.ValueInC, G2InC(bias));
        AssertEqual(d.Value, Moments(G2AtInfiniteFeatures(bias)));
        Assert.That(d.Value.ToString(), Does.Contain("M2(1, x1, x2)"));
        Assert.That(d.FiniteWidth, Is.EqualTo(Number.Zero));
    }

    [Test]
    public void TwoPointAtFiniteFeaturesCarriesGramFactors()
    {
        var d = Derive.Correlator(Architecture.Default, 2, connected: false);
        var g11 = NetworkSymbols.G(1, 1, X1, X2);
        var g12 = NetworkSymbols.G(1, 2, X1, X2);
        var expected = Sq(SigmaA) * Sq(SigmaV) * (Tokens * E(A(1, X1) * A(1, X2) * g11) + Tokens * (Tokens - 1) * E(A(1, X1) * A(2, X2) * g12));
        AssertEqual(d.Value, expected);
    }

    [Test]
    public void ConnectedFourPointSplitsIntoIndependenceBreakingAndFiniteWidth()
    {
        var d = Derive.Correlator(Infinite, 4, connected: true);
        AssertEqual(d.IndependenceBreakingInC, G4cIndependenceBreakingInC());
        AssertEqual(d.FiniteWidthInC, G4cFiniteWidthInC());
        AssertEqual(d.IndependenceBreaking, Moments(G4cIndependenceBreakingAtInfiniteFeatures()));
        AssertEqual(d.FiniteWidth, Moments(G4cFiniteWidthAtInfiniteFeatures()));
        AssertEqual(d.Value, Moments(G4cIndependenceBreakingAtInfiniteFeatures() + G4cFiniteWidthAtInfiniteFeatures()));
        Assert.That(d.Steps, Has.Count.GreaterThan(5));
    }

    [Test]
    public void EqualityCheckerRejectsAWrongFormula()
    {
        var d = Derive.Correlator(Infinite, 4, connected: true);
        // A plausible mistake: forgetting the factor 2 of the finite-width term.
        Assert.That(Equality.AreEqual(d.FiniteWidthInC, G4cFiniteWidthInC() / 2), Is.False);
        Assert.That(Equality.AreEqual(d.IndependenceBreaking, Moments(G4cIndependenceBreakingAtInfiniteFeatures()) * Heads), Is.False);
    }

    [Test]
    public void ConditionalFourPointMomentOfOneHeadHasTheOnePlusTwoOverDvFactor()
    {
        var cond = Derive.ConditionalMoment(Infinite, Points(4));
        var oneHead = ExchangeableSums.Unroll(Substitution.Apply(cond, Heads, 1));
        oneHead = AttentionNetwork.StripHeads(oneHead);
        var expected = TheoryFormulas.Pow(SigmaA, 4) * (1 + 2 / (Expr)ValueWidth) * Sum.Of(Pairings.Select(p => C(p.Item1, p.Item2) * C(p.Item3, p.Item4)));
        AssertEqual(oneHead, expected);
    }

    [Test]
    public void BiasAddsToTwoPointOnlyAndLeavesConnectedFourPointUnchanged()
    {
        var withBias = Infinite with { SigmaB = 0.5 };
        AssertEqual(Derive.Correlator(withBias, 2, false).Value - Derive.Correlator(Infinite, 2, false).Value, Sq(SigmaB));
        AssertEqual(Derive.Correlator(withBias, 4, true).Value, Derive.Correlator(Infinite, 4, true).Value);
        // The full (disconnected) four-point function does see the bias.
        Assert.That(Equality.AreEqual(Derive.Correlator(withBias, 4, false).Value, Derive.Correlator(Infinite, 4, false).Value), Is.False);
    }

    [TestCase(1, false)]
    [TestCase(3, false)]
    [TestCase(3, true)]
    [TestCase(5, true)]
    public void OddCorrelatorsVanish(int order, bool bias)
    {
        var d = Derive.Correlator(Infinite with { SigmaB = bias ? 1.0 : 0.0 }, order, connected: false);
        Assert.That(d.Value, Is.EqualTo(Number.Zero));
    }

    [TestCase(2, 0)]
    [TestCase(4, -1)]
    [TestCase(6, -2)]
    public void ConnectedCorrelatorsScaleWithHeadsAsThePowerOfOneOverNh(int order, int power)
    {
        var d = Derive.Correlator(Infinite, order, connected: true);
        var byPower = WidthLimit.ByPower(d.ValueInC, Heads);
        Assert.That(byPower.Keys, Is.EquivalentTo(new[] { Number.Of(power) }));
    }

    [Test]
    public void NonExchangeableTokensGiveTheExplicitTokenSum()
    {
        var arch = Infinite with { Tokens = 3, TokenOverrides = EquatableList.Create(new TokenOverride(1, new MaternDensity(3, 0.5))) };
        var d = Derive.Correlator(arch, 2, connected: false);
        var expected = Sq(SigmaA) * Sq(SigmaV) * Sum.Of(Enumerable.Range(1, 3).Select(t =>
            (Expr)Kernel.Of(t, X1, X2) * AttentionMoment.Paired([(t, X1, X2)])));
        AssertEqual(d.Value, expected);
        Assert.That(FreeSymbols.Of(d.Value), Does.Not.Contain(Tokens));
        Assert.That(d.Value.ToString(), Does.Contain("k2(x1, x2)*M2(2, x1, x2)"));
    }

    [Test]
    public void NonExchangeableConnectedFourPointSumsOverEveryTokenPair()
    {
        var arch = Infinite with { Tokens = 2, TokenOverrides = EquatableList.Create(new TokenOverride(0, new CauchyDensity(1))) };
        var d = Derive.Correlator(arch, 4, connected: true);
        var expected = Sum.Of(Pairings.SelectMany(p => from t in new[] { 1, 2 } from u in new[] { 1, 2 } select
            TheoryFormulas.Pow(SigmaA, 4) * TheoryFormulas.Pow(SigmaV, 4) / Heads * Kernel.Of(t, p.Item1, p.Item2) * Kernel.Of(u, p.Item3, p.Item4)
            * (E(A(t, p.Item1) * A(t, p.Item2) * A(u, p.Item3) * A(u, p.Item4)) - E(A(t, p.Item1) * A(t, p.Item2)) * E(A(u, p.Item3) * A(u, p.Item4)))));
        AssertEqual(d.IndependenceBreaking, AttentionMomentSymbols.Canonicalize(expected, exchangeable: false));
    }

    [Test]
    public void InfiniteValueWidthDropsTheFiniteWidthPart()
    {
        var d = Derive.Correlator(Infinite with { ValueWidth = Width.Infinite }, 4, connected: true);
        Assert.That(d.FiniteWidth, Is.EqualTo(Number.Zero));
        Assert.That(FreeSymbols.Of(d.Value), Does.Not.Contain(ValueWidth));
        AssertEqual(d.Value, Moments(G4cIndependenceBreakingAtInfiniteFeatures()));
    }

    [Test]
    public void RejectsUnsupportedOrder() =>
        Assert.Throws<InvalidInputException>(() => Derive.Correlator(Infinite, 9, false));
}
