// SPDX-License-Identifier: MIT
using NnQft.Symbolic;
using static NnQft.Symbolic.NetworkSymbols;

namespace NnQft.Symbolic.Tests;

/// <summary>docs/theory.md sections 3-5 written out by hand, independently of the derivation code.</summary>
internal static class TheoryFormulas
{
    public static readonly Symbol X1 = Point(1), X2 = Point(2), X3 = Point(3), X4 = Point(4);

    /// <summary>The three pairings of (x1, x2, x3, x4).</summary>
    public static readonly (Symbol, Symbol, Symbol, Symbol)[] Pairings = [(X1, X2, X3, X4), (X1, X3, X2, X4), (X1, X4, X2, X3)];

    public static Expr Sq(Expr e) => e * e;

    public static Expr C(Symbol a, Symbol b) => NetworkSymbols.C(a, b);

    public static Expr E(Expr e) => Expectation.Of(e);

    public static Expr A(int t, Symbol x) => NetworkSymbols.A(t, x);

    public static Expr K1(Symbol a, Symbol b) => Kernel.Of(1, a, b);

    /// <summary>G2 = s_b^2 + s_a^2 E[c(x1, x2)].</summary>
    public static Expr G2InC(bool bias) => (bias ? Sq(SigmaB) : 0) + Sq(SigmaA) * E(C(X1, X2));

    /// <summary>D = inf, exchangeable: s_b^2 + s_a^2 s_V^2 T k1(x1, x2) M_1(x1, x2).</summary>
    public static Expr G2AtInfiniteFeatures(bool bias) =>
        (bias ? Sq(SigmaB) : 0) + Sq(SigmaA) * Sq(SigmaV) * Tokens * K1(X1, X2) * E(A(1, X1) * A(1, X2));

    /// <summary>Independence breaking: s_a^4 / N_h * sum over pairings Cov(c_ab, c_cd).</summary>
    public static Expr G4cIndependenceBreakingInC() =>
        Sum.Of(Pairings.Select(p => Pow(SigmaA, 4) / Heads * Cumulant.Covariance(C(p.Item1, p.Item2), C(p.Item3, p.Item4))));

    /// <summary>Finite width: 2 s_a^4 / (N_h d_v) * sum over pairings E[c_ab c_cd].</summary>
    public static Expr G4cFiniteWidthInC() =>
        Sum.Of(Pairings.Select(p => 2 * Pow(SigmaA, 4) / (Heads * ValueWidth) * E(C(p.Item1, p.Item2) * C(p.Item3, p.Item4))));

    /// <summary>
    /// D = inf, exchangeable: Cov(c_12, c_34) = s_V^4 sum_{t,u} k_t k_u [E(A_t A_t A_u A_u) - M_t M_u], with
    /// sum_{t,u} = T (same token) + T(T-1) (two tokens).
    /// </summary>
    public static Expr G4cIndependenceBreakingAtInfiniteFeatures() => Sum.Of(Pairings.Select(p =>
    {
        var (a, b, c, d) = p;
        var kk = K1(a, b) * K1(c, d);
        var same = E(A(1, a) * A(1, b) * A(1, c) * A(1, d)) - E(A(1, a) * A(1, b)) * E(A(1, c) * A(1, d));
        var two = E(A(1, a) * A(1, b) * A(2, c) * A(2, d)) - E(A(1, a) * A(1, b)) * E(A(2, c) * A(2, d));
        return Pow(SigmaA, 4) * Pow(SigmaV, 4) / Heads * kk * (Tokens * same + Tokens * (Tokens - 1) * two);
    }));

    /// <summary>D = inf, exchangeable: 2 s_a^4 / (N_h d_v) sum_pairings s_V^4 sum_{t,u} k_t k_u E(A_t A_t A_u A_u).</summary>
    public static Expr G4cFiniteWidthAtInfiniteFeatures() => Sum.Of(Pairings.Select(p =>
    {
        var (a, b, c, d) = p;
        var kk = K1(a, b) * K1(c, d);
        var same = E(A(1, a) * A(1, b) * A(1, c) * A(1, d));
        var two = E(A(1, a) * A(1, b) * A(2, c) * A(2, d));
        return 2 * Pow(SigmaA, 4) * Pow(SigmaV, 4) / (Heads * ValueWidth) * kk * (Tokens * same + Tokens * (Tokens - 1) * two);
    }));

    public static Expr Pow(Expr a, int n) => Power.Of(a, n);
}
