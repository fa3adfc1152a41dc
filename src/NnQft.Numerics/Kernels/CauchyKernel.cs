// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Kernels;

/// <summary>Multivariate Cauchy frequencies, scale 1/l: k(r) = exp(-r / l) in every dimension.</summary>
public sealed class CauchyKernel : RadialKernel
{
    /// <summary>The exponential kernel of length scale <paramref name="lengthScale"/>.</summary>
    public CauchyKernel(double lengthScale, int dimension) : base(dimension) => LengthScale = lengthScale;

    /// <summary>The length scale l.</summary>
    public double LengthScale { get; }

    /// <inheritdoc />
    public override double Value(double r) => Math.Exp(-Math.Abs(r) / LengthScale);
}
