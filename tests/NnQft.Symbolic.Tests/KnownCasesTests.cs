// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Symbolic;
using static NnQft.Symbolic.NetworkSymbols;
using static NnQft.Symbolic.Tests.TheoryFormulas;

namespace NnQft.Symbolic.Tests;

/// <summary>docs/theory.md section 8: the derived correlators reduce to the known answers when the attention weights are constant.</summary>
public sealed class KnownCasesTests
{
    private static readonly Architecture Infinite = Architecture.Default with { Features = Width.Infinite, KeyWidth = Width.Infinite };

    /// <summary>Replaces every attention moment M_{2n} by a constant weight a: A_t = a for all t.</summary>
    private static Expr ConstantAttention(Expr e, Expr weight) => Substitution.Rewrite(e, node =>
        node is AttentionMoment m ? Power.Of(weight, m.Degree) : node);

    [Test]
    public void OneTokenIsARandomFeatureNetwork()
    {
        // T = 1: A = 1, G2 = s_a^2 s_V^2 k, G4c = (2 s_a^4 s_V^4 / d_v) sum_pairings k k (one head).
        var g2 = Derive.Correlator(Infinite, 2, false).Value;
        var g4c = Derive.Correlator(Infinite, 4, true);
        Expr One(Expr e) => ConstantAttention(Substitution.Apply(Substitution.Apply(e, Tokens, 1), Heads, 1), 1);
        Assert.That(Equality.AreEqual(One(g2), Sq(SigmaA) * Sq(SigmaV) * K1(X1, X2)), Is.True, One(g2).ToString());
        Assert.That(Equality.AreEqual(One(g4c.IndependenceBreaking), Number.Zero), Is.True, One(g4c.IndependenceBreaking).ToString());
        var expected = 2 * Pow(SigmaA, 4) * Pow(SigmaV, 4) / (Expr)ValueWidth * Sum.Of(Pairings.Select(p => K1(p.Item1, p.Item2) * K1(p.Item3, p.Item4)));
        Assert.That(Equality.AreEqual(One(g4c.FiniteWidth), expected), Is.True, One(g4c.FiniteWidth).ToString());
    }

    [Test]
    public void UniformAttentionHasNoIndependenceBreaking()
    {
        // s_Q s_K = 0: A = 1/T, G2 = s_a^2 s_V^2 k / T, and the independence-breaking part vanishes for every T.
        Expr uniform = 1 / (Expr)Tokens;
        var g2 = ConstantAttention(Derive.Correlator(Infinite, 2, false).Value, uniform);
        Assert.That(Equality.AreEqual(g2, Sq(SigmaA) * Sq(SigmaV) * K1(X1, X2) / Tokens), Is.True, g2.ToString());
        var ib = ConstantAttention(Derive.Correlator(Infinite, 4, true).IndependenceBreaking, uniform);
        Assert.That(Equality.AreEqual(ib, Number.Zero), Is.True, ib.ToString());
    }
}
