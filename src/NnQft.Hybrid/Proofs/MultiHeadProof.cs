// SPDX-License-Identifier: MIT
using NnQft.Symbolic;
using static NnQft.Hybrid.Proofs.ProofArchitectures;
using static NnQft.Symbolic.NetworkSymbols;

namespace NnQft.Hybrid.Proofs;

/// <summary>docs/theory.md section 5: connected correlators of N_h iid heads scale as N_h^-(n-1); odd ones vanish.</summary>
internal static class MultiHeadProof
{
    public static ProofDocument Create()
    {
        var g1 = Derive.Correlator(Wide, 1, connected: false);
        var g3 = Derive.Correlator(Wide, 3, connected: false);
        var g2 = Derive.Correlator(Wide, 2, connected: true);
        var g4c = Derive.Correlator(Wide, 4, connected: true);
        var g6c = Derive.Correlator(Wide with { ValueWidth = Model.Width.Infinite }, 6, connected: true);
        Expr OneHead(Expr e) => Substitution.Apply(e, Heads, Number.One);
        var steps = new List<ProofStep>
        {
            StepChecks.Equation("The engine's one-point function: every term holds an odd number of centred Gaussian readouts, values or the bias.",
                "G_{1}(x_{1})", g1.Value, Number.Zero),
            StepChecks.Equation("The three-point function vanishes for the same reason (odd correlators vanish).",
                "G_{3}(x_{1}, x_{2}, x_{3})", g3.Value, Number.Zero),
            StepChecks.Equation("The two-point function does not depend on N_h (heads enter with 1/sqrt(N_h) and are iid).",
                @"G_{2}^{(N_{h})}", g2.Value, OneHead(g2.Value)),
            StepChecks.Claim("Joint cumulants of iid heads add: N_h G_4c^(N_h) is the one-head result (the engine keeps N_h as a symbol; the expression is printed in four-point.md).",
                @"N_{h}\, G_{4c}^{(N_{h})}(x_{1}, \dots, x_{4}) = G_{4c}^{(1)}(x_{1}, \dots, x_{4})", Heads * g4c.Value, OneHead(g4c.Value)),
            StepChecks.Claim("Likewise N_h^2 G_6c^(N_h) is the one-head result (derived at d_v = inf; the expression is too long to print usefully).",
                @"N_{h}^{2}\, G_{6c}^{(N_{h})}(x_{1}, \dots, x_{6}) = G_{6c}^{(1)}(x_{1}, \dots, x_{6})", Heads * Heads * g6c.Value, OneHead(g6c.Value)),
        };
        return new ProofDocument("multi-head.md", "Multi-head suppression of connected correlators",
            "**Claim** (docs/theory.md section 5). For N_h iid heads entering as N_h^(-1/2) sum_h phi_h, G_2 does not depend on N_h and " +
            "G_{2n,c}^{(N_h)} = G_{2n,c}^{(1)} / N_h^(n-1); odd correlators vanish. The large-head limit is Gaussian.\n\n" +
            "Derived by the symbolic engine for " + Describe(Wide) + ".", steps);
    }
}
