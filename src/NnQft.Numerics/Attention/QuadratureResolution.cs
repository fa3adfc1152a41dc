// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Attention;

/// <summary>
/// How finely and how deep the attention quadrature looks. <see cref="Depth"/> = ln(1/epsilon) sets every truncation
/// (Gaussian reach, Gumbel tails) so that the neglected probability mass stays below about epsilon in absolute terms
/// (the lattice spacings stay fixed, see <see cref="InnerSpacing"/>); a moment F is then accurate to about epsilon / F relative, so
/// <see cref="TwoPointQuadrature"/> chooses epsilon = 1e-12 F. <see cref="Refinement"/> &gt; 1 shrinks all spacings
/// (convergence checks).
/// </summary>
internal readonly record struct QuadratureResolution(double Refinement, double Depth)
{
    /// <summary>ln(1/epsilon) with epsilon = e^-36.125: a Gaussian reach of exactly 8.5 standard deviations.</summary>
    public const double DefaultDepth = 36.125;

    public static QuadratureResolution Default { get; } = new(1.0, DefaultDepth);

    /// <summary>Depth relative to the default: truncations grow like it, trapezoid spacings shrink like its inverse.</summary>
    private double Scale => Depth / DefaultDepth;

    /// <summary>Gaussian weights beyond this many standard deviations are below epsilon and dropped.</summary>
    public double Reach => Math.Sqrt(2 * Depth);

    /// <summary>(G + G')/2 below this has probability below epsilon (G, G' standard Gumbel-min).</summary>
    public double GumbelLowerHalfSum => -19.5 * Scale;

    /// <summary>|G - G'|/2 above this has probability below epsilon.</summary>
    public double GumbelHalfDifference => 18.5 * Scale;

    /// <summary>
    /// Largest lattice spacing for blurring the Gumbel kernels: their poles at Im = +-pi/2 make the trapezoid error
    /// ~ exp(-pi^2 / h) times the kernels' size near the sharp edge, 7e-18 at h = 0.25. It does not shrink with the
    /// depth: a tiny moment lives in the lower Gumbel tails, where the kernels are smooth exponentials whose trapezoid
    /// error is relative to themselves. (Shrinking it like 1 / depth, as first done, cost 2-3 times the time at
    /// F ~ 1e-17 to 1e-30 and moved no value by more than 5e-11 relative to a deeper, twice finer quadrature.)
    /// </summary>
    public double InnerSpacing => 0.25 / Refinement;

    /// <summary>Below this width a Gaussian blur uses Gauss-Hermite nodes per output point instead of a lattice.</summary>
    public double HermiteBelow => 0.25 / Math.Max(1.0, Scale);
}
