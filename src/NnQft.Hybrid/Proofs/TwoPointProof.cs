// SPDX-License-Identifier: MIT
using NnQft.Symbolic;
using static NnQft.Hybrid.Proofs.ProofArchitectures;
using static NnQft.Symbolic.NetworkSymbols;

namespace NnQft.Hybrid.Proofs;

/// <summary>docs/theory.md section 3: the two-point function in the attention-weight representation, derived by the engine.</summary>
internal static class TwoPointProof
{
    /// <summary>T = 1: the single attention weight is 1, so T and every attention moment M_2n are 1.</summary>
    public static Expr OneToken(Expr e) => Substitution.Rewrite(Substitution.Apply(e, Tokens, Number.One),
        node => node is AttentionMoment ? Number.One : node);

    public static ProofDocument Create()
    {
        var finite = Derive.Correlator(Finite, 2, connected: false);
        var wide = Derive.Correlator(Wide, 2, connected: false);
        var single = Derive.Correlator(Wide with { Tokens = 1 }, 2, connected: false);
        var exchangeable = SigmaV * SigmaV * Tokens * K(1, 2) * M2(1, 2);
        var steps = new List<ProofStep>
        {
            new("The network, as the engine builds it from the architecture (the definition, not a claim).",
                @"\phi(x_{1}) = " + LatexPrinter.Print(wide.Steps[0].Expression),
                () => new ProofCheck(true, "definition (docs/theory.md section 1); the engine derives everything below from it.")),
            StepChecks.Equation(
                "Wick over bias, readout and values given everything that enters the attention weights, then the expectation " +
                "over (A, G), at finite D = " + Finite.Features + " and d_k = " + Finite.KeyWidth + ": the engine's result in the conditional covariance c(x, y) is exact for every width.",
                "G_{2}(x_{1}, x_{2})", finite.ValueInC, SigmaB * SigmaB + SigmaA * SigmaA * Expectation.Of(Cxx(1, 2))),
            StepChecks.Equation(
                "The same quantity at D = d_k = inf: the representation in c does not depend on D or d_k.",
                "G_{2}(x_{1}, x_{2})", wide.ValueInC, finite.ValueInC),
            StepChecks.Equation(
                "There is no O(1/d_v) part: the two-point function is exact at every value width d_v.",
                @"G_{2}\big|_{O(1/d_{v})}", wide.FiniteWidth, Number.Zero),
            StepChecks.Equation(
                "Lowering c(x, y) = sigma_V^2 sum_{t,u} A_t(x) A_u(y) G_tu(x, y) with G_tu = delta_tu k_t at D = inf and reducing the token " +
                "sum by exchangeability (sum_t -> T * token 1), the engine's result equals docs/theory.md section 3 with M_2(1, x, y) = E[A_1(x) A_1(y)].",
                "G_{2}(x_{1}, x_{2})", wide.Value, SigmaB * SigmaB + SigmaA * SigmaA * exchangeable),
            StepChecks.Equation(
                "The head count does not enter: the derivative in N_h vanishes.",
                @"\frac{\partial G_{2}}{\partial N_{h}}", Differentiation.Derivative(wide.Value, Heads), Number.Zero),
            StepChecks.Equation(
                "Known case T = 1 (docs/theory.md section 8): for one token A_1 = 1, so every attention moment is 1, and the engine's result is the random-feature network, " +
                "G_2 = sigma_b^2 + sigma_a^2 sigma_V^2 k(x1, x2) (the attention weight is 1).",
                @"G_{2}\big|_{T=1}", OneToken(single.Value), SigmaB * SigmaB + SigmaA * SigmaA * SigmaV * SigmaV * K(1, 2)),
        };
        return new ProofDocument("two-point.md", "Two-point function: the attention-weight representation",
            "**Claim** (docs/theory.md section 3). With c(x, y) = E[y_i(x) y_i(y) | A, G] the conditional covariance of a head output,\n" +
            "G_2(x, y) = sigma_b^2 + sigma_a^2 E[c(x, y)] exactly, and at D = inf with exchangeable tokens\n" +
            "G_2(x, y) = sigma_b^2 + sigma_a^2 sigma_V^2 T k_1(x, y) M_2(x, y), M_2(x, y) = E[A_1(x) A_1(y)].\n\n" +
            "Derived by the symbolic engine for " + Describe(Wide) + ".", steps);
    }
}
