// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Kernels;

/// <summary>Multivariate Cauchy frequencies, scale 1/l: k(r) = exp(-r / l) in every dimension.</summary>
/// <example><code>double k = new CauchyKernel(lengthScale: 1.0, dimension: 2).Value(1.0); // ~0.3678794412: exp(-1)</code></example>
public sealed class CauchyKernel : RadialKernel
{
    /// <summary>The exponential kernel of length scale <paramref name="lengthScale"/>.</summary>
    /// <example><code>RadialKernel k = new CauchyKernel(0.5, 2);</code></example>
    public CauchyKernel(double lengthScale, int dimension) : base(dimension) => LengthScale = lengthScale;

    /// <summary>The length scale l.</summary>
    public double LengthScale { get; }

    /// <inheritdoc />
    public override double Value(double r) => Math.Exp(-Math.Abs(r) / LengthScale);
}
