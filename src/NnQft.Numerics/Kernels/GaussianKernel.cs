// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Kernels;

/// <summary>w ~ N(0, I / l^2): k(r) = exp(-r^2 / (2 l^2)) in every dimension.</summary>
public sealed class GaussianKernel : RadialKernel
{
    private readonly double _halfInverseVariance;

    /// <summary>The Gaussian kernel of length scale <paramref name="lengthScale"/>.</summary>
    public GaussianKernel(double lengthScale, int dimension) : base(dimension)
    {
        LengthScale = lengthScale;
        _halfInverseVariance = 0.5 / (lengthScale * lengthScale);
    }

    /// <summary>The length scale l.</summary>
    public double LengthScale { get; }

    /// <inheritdoc />
    public override double Value(double r) => Math.Exp(-r * r * _halfInverseVariance);
}
