// SPDX-License-Identifier: MIT
using NnQft.Model;

namespace NnQft.Numerics.Kernels;

/// <summary>Builds the numeric kernel of a spectral density or query embedding (docs/theory.md section 7).</summary>
/// <example><code>
/// var k = KernelEvaluator.For(new MaternDensity(Nu: 3, LengthScale: 0.5), dimension: 2);
/// double value = k.Value(0.8);
/// </code></example>
public static class KernelEvaluator
{
    /// <summary>The kernel k(r) of <paramref name="density"/> in R^<paramref name="dimension"/>; validates the parameters.</summary>
    /// <example><code>RadialKernel k = KernelEvaluator.For(new MaternDensity(3, 0.5), dimension: 2); double value = k.Value(0.3);</code></example>
    public static RadialKernel For(SpectralDensity density, int dimension)
    {
        if (dimension < 1 || dimension > ArchitectureValidator.MaxDimension)
            throw new InvalidInputException("dimension", $"must be an integer in 1..{ArchitectureValidator.MaxDimension}", dimension.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ArchitectureValidator.Density(density.Family, density, dimension);
        return density switch
        {
            GaussianDensity g => new GaussianKernel(g.LengthScale, dimension),
            MaternDensity m => new MaternKernel(m.Nu, m.LengthScale, dimension),
            CauchyDensity c => new CauchyKernel(c.LengthScale, dimension),
            BallDensity b => new BallKernel(b.Cutoff, dimension),
            FreeScalarDensity f => new FreeScalarKernel(f.Cutoff, f.Mass, dimension),
            _ => throw new InvalidInputException("family", "must be gaussian, matern, cauchy, ball or freeScalar", density.Family),
        };
    }

    /// <summary>The query kernel k_0: the density's kernel, or identically 1 for the constant embedding.</summary>
    /// <example><code>double one = KernelEvaluator.Query(ConstantEmbedding.Instance, 2).Value(5.0); // 1</code></example>
    public static RadialKernel Query(Embedding embedding, int dimension) => embedding switch
    {
        ConstantEmbedding => new ConstantKernel(dimension),
        SpectralDensity density => For(density, dimension),
        _ => throw new InvalidInputException("query.family", "must be constant or a spectral density family", embedding.Family),
    };
}
