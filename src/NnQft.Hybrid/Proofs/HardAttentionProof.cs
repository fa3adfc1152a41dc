// SPDX-License-Identifier: MIT
using MathNet.Numerics;
using MathNet.Numerics.Integration;
using NnQft.Numerics.Attention;
using NnQft.Symbolic;

namespace NnQft.Hybrid.Proofs;

/// <summary>docs/theory.md section 6: the hard-attention limit of F_2, 1/4 + arcsin(rho) / (2 pi).</summary>
internal static class HardAttentionProof
{
    private static readonly Symbol Rho = new("rho");
    private static readonly Symbol Sigma = Symbol.Positive("sigma");

    public static ProofDocument Create()
    {
        Expr z1 = new Symbol("z_1"), z2 = new Symbol("z_2");
        var hard = Number.Of(1, 4) + Sym.Arcsin(Rho) / (2 * Sym.Pi);

        // Logit pairs as a Gaussian family: xi_{t,copy}, covariance sigma^2 (delta_tu) (1 or rho).
        RandomVariable Z(int t, int copy) => RandomVariable.Of("z", [t, copy], []);
        var logits = new GaussianFamily("z", (p, q) => Sigma * Sigma * KroneckerDelta.Of(p.Indices[0], q.Indices[0])
            * (p.Indices[1].Equals(q.Indices[1]) ? Number.One : Rho));
        var wick = new WickEngine([logits]);
        Expr u = Z(1, 0) - Z(2, 0), uPrime = Z(1, 1) - Z(2, 1);

        var steps = new List<ProofStep>
        {
            StepChecks.Equation("For T = 2 the softmax weight of token 1 is a logistic function of the logit difference.",
                "A_{1}", Sym.Exp(z1) / (Sym.Exp(z1) + Sym.Exp(z2)), 1 / (1 + Sym.Exp(z2 - z1))),
            StepChecks.Equation("The differences u = z_1 - z_2 at the two points: variance (Wick over the logits) ...",
                @"\mathbb{E}\left[u^{2}\right]", wick.Expectation(Expansion.Expand(u * u)), 2 * Sigma * Sigma),
            StepChecks.Equation("... and covariance, so (u, u') / (sigma sqrt 2) is a standard normal pair with correlation rho.",
                @"\mathbb{E}\left[u u'\right]", wick.Expectation(Expansion.Expand(u * uPrime)), 2 * Sigma * Sigma * Rho),
            new("As sigma -> inf the logistic weight tends to the indicator of u > 0 (bounded convergence), so F_2 tends to the orthant " +
                "probability of the standard normal pair, which is 1/4 + arcsin(rho) / (2 pi) (Sheppard).",
                @"\lim_{\sigma \to \infty} F_{2}(\sigma^{2}, \rho) = P(u > 0, u' > 0) = \int_{0}^{\infty} \varphi(s)\, \Phi\!\left(\frac{\rho s}{\sqrt{1 - \rho^{2}}}\right) ds = " + LatexPrinter.Print(hard),
                () => StepChecks.Numeric("closed form against the orthant integral (composite Gauss-Legendre) at rho", StepChecks.RandomPoints(301, 5, -0.95, 0.95),
                    rho => 0.25 + Math.Asin(rho) / (2 * Math.PI), Orthant, _ => 1e-10, "1e-10")),
            LargeSigmaStep(),
            StepChecks.Equation("Consistency with the exact values: at rho = 0 the two points are independent, F = 1/T^2 = 1/4 ...",
                @"F_{2}^{\mathrm{hard}}\big|_{\rho=0}", Substitution.Apply(hard, Rho, Number.Zero), Number.Of(1, 4)),
            StepChecks.Equation("... and at rho = 1 the two points coincide and the winner takes all, F = 1/T = 1/2.",
                @"F_{2}^{\mathrm{hard}}\big|_{\rho=1}", Substitution.Apply(hard, Rho, Number.One), Number.Of(1, 2)),
        };
        return new ProofDocument("hard-attention.md", "Hard-attention limit of F_2",
            "**Claim** (docs/theory.md section 6). As sigma -> inf, F_2(sigma^2, rho) -> 1/4 + arcsin(rho) / (2 pi): the attention weights become " +
            "the indicator of the larger logit, and F_2 the probability that token 1 wins at both points. Steps 1-3 and 6-7 are checked by the " +
            "symbolic engine, step 4 by an independent orthant quadrature, step 5 against the numeric module's F_T quadrature at large sigma.", steps);
    }

    /// <summary>P(u > 0, u' > 0) = int_0^inf phi(s) Phi(rho s / sqrt(1 - rho^2)) ds, composite Gauss-Legendre.</summary>
    private static double Orthant(double rho)
    {
        double c = rho / Math.Sqrt(1 - rho * rho), sum = 0;
        const int panels = 40;
        const double hi = 12, width = hi / panels;
        for (int p = 0; p < panels; p++)
            sum += GaussLegendreRule.Integrate(s => Math.Exp(-0.5 * s * s) / Math.Sqrt(2 * Math.PI) * 0.5 * SpecialFunctions.Erfc(-c * s / Math.Sqrt(2)),
                p * width, (p + 1) * width, 16);
        return sum;
    }

    /// <summary>
    /// |F_2(sigma^2) - F_hard| &lt;= E|A - 1[u&gt;0]| + E|A' - 1[u'&gt;0]| = 4 int_0^inf phi(s) (1 - logistic(sigma sqrt2 s)) ds
    /// &lt;= 4 phi(0) ln 2 / (sigma sqrt 2): a rigorous bound that shrinks like 1/sigma.
    /// </summary>
    private static ProofStep LargeSigmaStep()
    {
        var points = StepChecks.RandomPoints(302, 4, -0.9, 0.9);
        double Bound(double sigma2) => 4 / Math.Sqrt(2 * Math.PI) * Math.Log(2) / Math.Sqrt(2 * sigma2);
        return new ProofStep(
            "The numeric module's quadrature of F_2 (AttentionMoments.TwoPoint) approaches the limit as sigma grows: at sigma^2 = 25 and 100 the " +
            "distance stays within the rigorous bound 4 phi(0) ln 2 / (sigma sqrt 2) (from |A A' - 1 1'| <= |A - 1| + |A' - 1'|), and it shrinks.",
            @"\left|F_{2}(\sigma^{2}, \rho) - \frac{1}{4} - \frac{\arcsin \rho}{2 \pi}\right| \le \frac{4 \varphi(0) \ln 2}{\sigma \sqrt{2}}",
            () =>
            {
                foreach (double sigma2 in new[] { 25.0, 100.0 })
                {
                    var check = StepChecks.Numeric($"sigma^2 = {sigma2}", points, rho => AttentionMoments.TwoPoint(2, sigma2, rho),
                        rho => 0.25 + Math.Asin(rho) / (2 * Math.PI), _ => Bound(sigma2), "the bound");
                    if (!check.Passed) return check;
                }
                foreach (double rho in points)
                {
                    double far = Math.Abs(AttentionMoments.TwoPoint(2, 25, rho) - 0.25 - Math.Asin(rho) / (2 * Math.PI));
                    double near = Math.Abs(AttentionMoments.TwoPoint(2, 100, rho) - 0.25 - Math.Asin(rho) / (2 * Math.PI));
                    if (!(near < far)) return new ProofCheck(false, $"the distance does not shrink from sigma^2 = 25 to 100 at rho = {StepChecks.F(rho)}.");
                }
                return new ProofCheck(true, $"numeric module against the closed form at rho = {string.Join(", ", points.Select(StepChecks.F))}: within the bound " +
                    "at sigma^2 = 25 (0.1564) and 100 (0.0782), and closer at sigma^2 = 100 than at 25 for every rho.");
            });
    }
}
