// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Numerics.Kernels;
using NnQft.Symbolic;

namespace NnQft.Hybrid.Kernels;

/// <summary>
/// The closed forms of docs/theory.md section 7 as symbolic expressions in r, with the family parameters as symbols
/// (l, nu, L) and the dimension substituted, so they print through the symbolic engine's LaTeX, text and SymPy
/// printers and evaluate numerically. The cutoff free-scalar propagator has no closed form (it is a radial
/// integral): <see cref="HasClosedForm"/> is false for it and <see cref="KernelClosedForm"/> gives its integral.
/// </summary>
/// <example><code>var k = KernelExpressions.For(new MaternDensity(3, 0.5), 2); string tex = LatexPrinter.Print(k);</code></example>
public static class KernelExpressions
{
    /// <summary>The distance symbol r = |x - y|.</summary>
    /// <example><code>Expr k0 = Substitution.Apply(KernelExpressions.For(new GaussianDensity(0.7), 2), KernelExpressions.Distance, 0); // 1</code></example>
    public static Symbol Distance { get; } = Symbol.Positive("r");

    /// <summary>The length-scale symbol l.</summary>
    /// <example><code>bool usesL = FreeSymbols.Contains(KernelExpressions.For(new CauchyDensity(1.0), 2), KernelExpressions.LengthScale);</code></example>
    public static Symbol LengthScale { get; } = Symbol.Positive("l");

    /// <summary>The Student-t degrees-of-freedom symbol nu.</summary>
    /// <example><code>Symbol nu = KernelExpressions.Nu; // the Student-t degrees of freedom of the Matern family</code></example>
    public static Symbol Nu { get; } = Symbol.Positive("nu");

    /// <summary>The ball radius (momentum cutoff) symbol L.</summary>
    /// <example><code>Symbol cutoff = KernelExpressions.Cutoff; // L of the ball family</code></example>
    public static Symbol Cutoff { get; } = Symbol.Positive("L");

    /// <summary>True for every family whose kernel is an elementary or Bessel closed form.</summary>
    /// <example><code>bool closed = KernelExpressions.HasClosedForm(new FreeScalarDensity(20, 1)); // false: numeric only</code></example>
    public static bool HasClosedForm(SpectralDensity density) => density is not FreeScalarDensity;

    /// <summary>k(r) of <paramref name="density"/> in dimension <paramref name="dimension"/> as an expression.</summary>
    /// <example><code>string tex = LatexPrinter.Print(KernelExpressions.For(new BallDensity(4.0), dimension: 3));</code></example>
    public static Expr For(SpectralDensity density, int dimension)
    {
        Expr r = Distance, l = LengthScale, half = Number.Of(1, 2);
        switch (density)
        {
            case GaussianDensity:
                return FunctionCall.Exp(-(Expr.Pow(r, 2) / (2 * Expr.Pow(l, 2))));
            case CauchyDensity:
                return FunctionCall.Exp(-(r / l));
            case MaternDensity:
            {
                Expr order = half * Nu;
                Expr x = Expr.Pow(Nu, half) * r / l;
                return Expr.Pow(2, 1 - order) / FunctionCall.Of(FunctionKind.Gamma, [order])
                       * Expr.Pow(x, order) * FunctionCall.Of(FunctionKind.BesselK, [order, x]);
            }
            case BallDensity:
            {
                Expr x = Cutoff * r;
                if (dimension == 1) return FunctionCall.Of(FunctionKind.Sin, [x]) / x;
                Expr order = Number.Of(dimension, 2);
                return FunctionCall.Of(FunctionKind.Gamma, [order + 1]) * Expr.Pow(2 / x, order)
                       * FunctionCall.Of(FunctionKind.BesselJ, [order, x]);
            }
            default:
                throw new InvalidInputException("family", "has no closed form (freeScalar is a radial integral)", density.Family);
        }
    }
}
