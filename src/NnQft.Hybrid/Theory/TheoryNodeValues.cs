// SPDX-License-Identifier: MIT
using NnQft.Symbolic;

namespace NnQft.Hybrid.Theory;

/// <summary>
/// The opaque nodes of a derived correlator at D = d_k = infinity, with point symbols bound to 1-based point numbers:
/// kernels k_t from their closed forms (k0 the query kernel), M2 from quadrature. Moments of higher degree are the
/// sampled ones; they never reach this class, because <see cref="MomentForms"/> collects their coefficients first.
/// Thread-safe.
/// </summary>
internal sealed class TheoryNodeValues(LogitLaws laws, TwoPointMoments twoPoint) : NodeValues
{
    public override double Kernel(double token, double a, double b) =>
        token == 0 ? laws.QueryKernel((int)a - 1, (int)b - 1) : laws.TokenKernel((int)token - 1, (int)a - 1, (int)b - 1);

    public override double AttentionMoment(int degree, NodeArguments factors)
    {
        // Two factors: E[A_t(xa) A_u(xb)]; the derivation only produces t = u (the M2 of docs/theory.md section 3).
        if (degree == 2 && factors[0] == factors[1])
            return twoPoint.Get((int)factors[0] - 1, (int)factors[2] - 1, (int)factors[3] - 1);
        return base.AttentionMoment(degree, factors);
    }
}
