// SPDX-License-Identifier: MIT
using System.Globalization;
using NnQft.Hybrid.Kernels;
using NnQft.Model;
using NnQft.Numerics.Kernels;
using NnQft.Symbolic;

namespace NnQft.Hybrid.Proofs;

/// <summary>docs/theory.md section 7: random-feature kernels in closed form, checked against the spectral integral.</summary>
internal static class KernelProof
{
    private const double Tolerance = 1e-9;

    private sealed record Case(string Name, SpectralDensity Density, int Dimension, Func<double, double> Spectral);

    public static ProofDocument Create()
    {
        var cases = new List<Case>
        {
            new("Gaussian N(0, l^-2 I), l = 0.7", new GaussianDensity(0.7), 1, r => SpectralIntegrals.Gaussian(r, 0.7)),
            new("Gaussian N(0, l^-2 I), l = 0.7", new GaussianDensity(0.7), 3, r => SpectralIntegrals.Gaussian(r, 0.7)),
            new("Student-t, nu = 3, scale 1/l, l = 0.5 (Matern 3/2)", new MaternDensity(3, 0.5), 2, r => SpectralIntegrals.StudentT(r, 0.5, 3)),
            new("Student-t, nu = 5, scale 1/l, l = 1.2 (Matern 5/2)", new MaternDensity(5, 1.2), 3, r => SpectralIntegrals.StudentT(r, 1.2, 5)),
            new("Cauchy (Student-t, nu = 1), scale 1/l, l = 0.5", new CauchyDensity(0.5), 2, r => SpectralIntegrals.StudentT(r, 0.5, 1)),
            new("uniform in the ball, L = 2", new BallDensity(2), 1, r => SpectralIntegrals.Ball(r, 2, 1)),
            new("uniform in the ball, L = 2", new BallDensity(2), 2, r => SpectralIntegrals.Ball(r, 2, 2)),
            new("uniform in the ball, L = 3", new BallDensity(3), 3, r => SpectralIntegrals.Ball(r, 3, 3)),
        };
        var steps = cases.Select((c, i) => ClosedFormStep(c, 100 + i)).ToList();

        Expr r = KernelExpressions.Distance, l = KernelExpressions.LengthScale, x = KernelExpressions.Cutoff * r;
        var matern = KernelExpressions.For(new MaternDensity(3, 1), 2);
        steps.Add(StepChecks.Equation("The Cauchy kernel is the Student-t one at nu = 1 (Matern smoothness 1/2).",
            @"k_{\mathrm{Matern}}\big|_{\nu=1}", Substitution.Apply(matern, KernelExpressions.Nu, Number.One), KernelExpressions.For(new CauchyDensity(1), 2)));
        Expr z = Sym.Sqrt(3) * r / l;
        steps.Add(StepChecks.Equation("At nu = 3 the Matern kernel is elementary.",
            @"k_{\mathrm{Matern}}\big|_{\nu=3}", Substitution.Apply(matern, KernelExpressions.Nu, Number.Of(3)), (1 + z) * Sym.Exp(-z)));
        steps.Add(StepChecks.Equation("In d = 3 the ball kernel is elementary.",
            @"k_{\mathrm{ball}}\big|_{d=3}", KernelExpressions.For(new BallDensity(1), 3), 3 * (Sym.Sin(x) - x * Sym.Cos(x)) / Expr.Pow(x, 3)));
        steps.Add(StepChecks.Equation("With g = 1 every kernel is a characteristic function: k(0) = 1 (Gaussian shown).",
            "k(0)", Substitution.Apply(KernelExpressions.For(new GaussianDensity(1), 2), r, Number.Zero), Number.One));

        return new ProofDocument("rf-kernels.md", "Random-feature kernels in closed form",
            "**Claim** (docs/theory.md section 7). For h_m(x) = sqrt(2/D) cos(w_m . x + b_m) with w_m ~ p, E[h(x) . h(y)] = " +
            "E_w[cos(w . (x - y))] = k(r), r = |x - y|, with the closed forms below in every dimension d.\n\n" +
            "Each closed form is the symbolic engine's expression (NnQft.Hybrid.Kernels.KernelExpressions), evaluated by the engine and " +
            "compared with (a) the spectral integral computed directly from the density by Gauss-Legendre quadrature (Gaussian: projection " +
            "on r; Student-t: Gaussian scale mixture over g ~ chi^2_nu; ball: radial density times the sphere average of cos) and " +
            "(b) the numeric module's KernelEvaluator, at seeded random r in [0.05, 3]. The cutoff free-scalar propagator has no closed form " +
            "(it is a radial integral) and is not covered here.", steps);
    }

    private static ProofStep ClosedFormStep(Case c, int seed)
    {
        var expr = KernelExpressions.For(c.Density, c.Dimension);
        var values = new Dictionary<string, double>
        {
            ["l"] = c.Density switch { GaussianDensity g => g.LengthScale, MaternDensity m => m.LengthScale, CauchyDensity y => y.LengthScale, _ => 1 },
            ["nu"] = c.Density is MaternDensity mm ? mm.Nu : 1,
            ["L"] = c.Density is BallDensity b ? b.Cutoff : 1,
        };
        double Closed(double r) => Evaluator.Evaluate(expr, EvaluationEnvironment.OfSymbols(new Dictionary<string, double>(values) { ["r"] = r }));
        var numeric = KernelEvaluator.For(c.Density, c.Dimension);
        var points = StepChecks.RandomPoints(seed, 4, 0.05, 3);
        string d = c.Dimension.ToString(CultureInfo.InvariantCulture);
        return new ProofStep($"{c.Name}, d = {d}.",
            @"k(r) = \int d^{" + d + @"}w\, p(w) \cos(w \cdot r) = " + LatexPrinter.Print(expr),
            () =>
            {
                var spectral = StepChecks.Numeric("closed form (engine) against the spectral integral", points, Closed, c.Spectral, _ => Tolerance, "1e-9");
                if (!spectral.Passed) return spectral;
                var module = StepChecks.Numeric("closed form (engine) against KernelEvaluator", points, Closed, numeric.Value, _ => Tolerance, "1e-9");
                return module.Passed ? new ProofCheck(true, spectral.Method + " The numeric module's KernelEvaluator agrees at the same r within 1e-9.") : module;
            });
    }
}
