// SPDX-License-Identifier: MIT
using NnQft.Symbolic;
using static NnQft.Hybrid.Proofs.ProofArchitectures;
using static NnQft.Symbolic.NetworkSymbols;

namespace NnQft.Hybrid.Proofs;

/// <summary>docs/theory.md section 4: the connected four-point function, split into independence breaking and finite width.</summary>
internal static class FourPointProof
{
    public static ProofDocument Create()
    {
        var wide = Derive.Correlator(Wide, 4, connected: true);
        var unbiased = Derive.Correlator(Wide with { SigmaB = 0 }, 4, connected: true);
        var finite = Derive.Correlator(Finite, 4, connected: true);
        var single = Derive.Correlator(Wide with { Tokens = 1 }, 4, connected: true);
        Expr sa4 = Expr.Pow(SigmaA, 4), sv4 = Expr.Pow(SigmaV, 4), t = Tokens;

        Expr covariances = Sum.Of(Pairings.Select(p => Cumulant.Covariance(Cxx(p.A, p.B), Cxx(p.C, p.D))));
        Expr products = Sum.Of(Pairings.Select(p => Expectation.Of(Cxx(p.A, p.B) * Cxx(p.C, p.D))));
        Expr ibInAttention = Sum.Of(Pairings.Select(p => K(p.A, p.B) * K(p.C, p.D) *
            (t * M4(1, p.A, p.B, p.C, p.D) + t * (t - 1) * M4(2, p.A, p.B, p.C, p.D) - t * t * M2(p.A, p.B) * M2(p.C, p.D))));
        Expr fwInAttention = Sum.Of(Pairings.Select(p => K(p.A, p.B) * K(p.C, p.D) *
            (t * M4(1, p.A, p.B, p.C, p.D) + t * (t - 1) * M4(2, p.A, p.B, p.C, p.D))));
        Expr kernelPairs = Sum.Of(Pairings.Select(p => K(p.A, p.B) * K(p.C, p.D)));

        var steps = new List<ProofStep>
        {
            StepChecks.Equation(
                "Wick over the readout and the values given (A, G) gives sigma_a^4 (1 + 2/d_v) (c12 c34 + c13 c24 + c14 c23) per head; the engine " +
                "takes the expectation over (A, G), sums the iid heads and forms the connected part by set partitions. Its d_v^0 part is a sum of " +
                "covariances of c over the query-key weights (independence breaking), at finite D = " + Finite.Features + " and d_k = " + Finite.KeyWidth + ".",
                @"G_{4c}\big|_{d_{v}^{0}}", finite.IndependenceBreakingInC, sa4 / Heads * covariances),
            StepChecks.Equation(
                "Its O(1/d_v) part is the finite-width term, also exact at finite D and d_k.",
                @"G_{4c}\big|_{O(1/d_{v})}", finite.FiniteWidthInC, 2 * sa4 / (ValueWidth * Heads) * products),
            StepChecks.Equation(
                "The two parts add up to the engine's connected four-point function in c (nothing is lost in the split).",
                "G_{4c}", finite.ValueInC, finite.IndependenceBreakingInC + finite.FiniteWidthInC),
            StepChecks.Equation(
                "A bias adds to G_2 only: the connected four-point function with sigma_b = " + Wide.SigmaB.ToString(System.Globalization.CultureInfo.InvariantCulture) +
                " equals the one derived without a bias.",
                @"G_{4c}\big|_{\sigma_{b} \neq 0}", wide.Value, unbiased.Value),
            StepChecks.Equation(
                "At D = inf (G_tu = delta_tu k_t) with exchangeable tokens, sum_{t,u} = T (same token) + T(T-1) (two tokens): the independence-breaking " +
                "part in attention moments, M_4(t, u; a, b, c, d) = E[A_t(a) A_t(b) A_u(c) A_u(d)].",
                @"G_{4c}\big|_{d_{v}^{0}}", wide.IndependenceBreaking, sa4 * sv4 / Heads * ibInAttention),
            StepChecks.Equation(
                "The finite-width part in attention moments.",
                @"G_{4c}\big|_{O(1/d_{v})}", wide.FiniteWidth, 2 * sa4 * sv4 / (ValueWidth * Heads) * fwInAttention),
            StepChecks.Equation(
                "Known case T = 1 (docs/theory.md section 8): one token, A_1 = 1 (every attention moment is 1), no independence breaking; what is left is the random-feature network's " +
                "finite-width term 2 sigma_a^4 sigma_V^4 / d_v times the kernel pairings (per head).",
                @"G_{4c}\big|_{T=1}", TwoPointProof.OneToken(single.Value), 2 * sa4 * sv4 / (ValueWidth * Heads) * kernelPairs),
        };
        return new ProofDocument("four-point.md", "Four-point function: independence breaking and finite width",
            "**Claim** (docs/theory.md section 4). G_4c = sigma_a^4 [Cov(c12, c34) + Cov(c13, c24) + Cov(c14, c23)] (independence breaking, " +
            "finite as d_v, d_k, D -> inf) + (2 sigma_a^4 / d_v) [E(c12 c34) + E(c13 c24) + E(c14 c23)] (finite width), per head " +
            "(N_h heads divide both by N_h, see multi-head.md); a bias leaves it unchanged; at D = inf the covariances become attention " +
            "moments.\n\nDerived by the symbolic engine for " + Describe(Wide) + "; the finite-D steps use D = " + Finite.Features +
            ", d_k = " + Finite.KeyWidth + ".", steps);
    }
}
