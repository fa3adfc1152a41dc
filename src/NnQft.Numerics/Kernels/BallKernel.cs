// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Kernels;

/// <summary>
/// Frequencies uniform in the ball of radius L in R^d: k(r) = Gamma(d/2 + 1) (2 / (L r))^{d/2} J_{d/2}(L r)
/// (d = 1: sin(L r) / (L r)), with k(0) = 1.
/// </summary>
/// <example><code>double k = new BallKernel(cutoff: 4.0, dimension: 2).Value(0.5);</code></example>
public sealed class BallKernel : RadialKernel
{
    private readonly double _order;

    /// <summary>The ball kernel of cutoff <paramref name="cutoff"/> in dimension <paramref name="dimension"/>.</summary>
    /// <example><code>RadialKernel k = new BallKernel(4.0, 3);</code></example>
    public BallKernel(double cutoff, int dimension) : base(dimension)
    {
        Cutoff = cutoff;
        _order = 0.5 * dimension;
    }

    /// <summary>The radius L of the ball.</summary>
    public double Cutoff { get; }

    /// <inheritdoc />
    public override double Value(double r) => NormalizedBesselJ.Value(_order, Cutoff * r);
}
