// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Kernels;

/// <summary>w ~ N(0, I / l^2): k(r) = exp(-r^2 / (2 l^2)) in every dimension.</summary>
/// <example><code>double k = new GaussianKernel(lengthScale: 1.0, dimension: 2).Value(1.0); // ~0.6065306597: exp(-1/2)</code></example>
public sealed class GaussianKernel : RadialKernel
{
    /// <summary>The Gaussian kernel of length scale <paramref name="lengthScale"/>.</summary>
    /// <example><code>RadialKernel k = new GaussianKernel(0.7, 2);</code></example>
    public GaussianKernel(double lengthScale, int dimension) : base(dimension)
    {
        LengthScale = lengthScale;
    }

    /// <summary>The length scale l.</summary>
    public double LengthScale { get; }

    /// <inheritdoc />
    // r / l first: with extreme length scales 1 / l^2 overflows and 0 * inf would be NaN at r = 0.
    public override double Value(double r)
    {
        double u = r / LengthScale;
        return Math.Exp(-0.5 * u * u);
    }
}
