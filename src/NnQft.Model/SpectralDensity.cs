// SPDX-License-Identifier: MIT
namespace NnQft.Model;

/// <summary>
/// What a random-feature embedding draws its frequencies from (docs/theory.md section 7), or a constant embedding.
/// The JSON <c>family</c> names are given by <see cref="Family"/>.
/// </summary>
/// <example><code>Embedding q = Architecture.Default.Query; string family = q.Family; // "gaussian"</code></example>
public abstract record Embedding
{
    private protected Embedding() { }

    /// <summary>The JSON family name (<c>gaussian</c>, <c>matern</c>, <c>cauchy</c>, <c>ball</c>, <c>freeScalar</c>, <c>constant</c>).</summary>
    /// <example><code>string family = new MaternDensity(3, 0.5).Family; // "matern"</code></example>
    public abstract string Family { get; }
}

/// <summary>The constant unit-vector query embedding: its kernel is identically 1.</summary>
/// <example><code>var arch = Architecture.Default with { Query = ConstantEmbedding.Instance };</code></example>
public sealed record ConstantEmbedding : Embedding
{
    /// <summary>The only instance.</summary>
    /// <example><code>Embedding q = ConstantEmbedding.Instance;</code></example>
    public static ConstantEmbedding Instance { get; } = new();

    /// <inheritdoc />
    public override string Family => "constant";
}

/// <summary>A spectral density p(w) on R^d with amplitude g(w); the RF kernel is E_w[g(w)^2 cos(w . r)].</summary>
/// <example><code>SpectralDensity p = new CauchyDensity(1.0); var arch = Architecture.Default with { Token = p };</code></example>
public abstract record SpectralDensity : Embedding;

/// <summary>w ~ N(0, I / l^2): the kernel exp(-r^2 / (2 l^2)).</summary>
/// <example><code>var p = new GaussianDensity(0.7);</code></example>
public sealed record GaussianDensity(double LengthScale) : SpectralDensity
{
    /// <inheritdoc />
    public override string Family => "gaussian";
}

/// <summary>Multivariate Student-t with <see cref="Nu"/> degrees of freedom and scale 1/l: a Matern kernel of smoothness nu/2.</summary>
/// <example><code>var p = new MaternDensity(Nu: 3, LengthScale: 0.5);</code></example>
public sealed record MaternDensity(double Nu, double LengthScale) : SpectralDensity
{
    /// <inheritdoc />
    public override string Family => "matern";
}

/// <summary>Multivariate Cauchy (Student-t with one degree of freedom), scale 1/l: the kernel exp(-r / l).</summary>
/// <example><code>var p = new CauchyDensity(1.0);</code></example>
public sealed record CauchyDensity(double LengthScale) : SpectralDensity
{
    /// <inheritdoc />
    public override string Family => "cauchy";
}

/// <summary>Uniform in the ball of radius <see cref="Cutoff"/>: a Bessel kernel.</summary>
/// <example><code>var p = new BallDensity(Cutoff: 4.0);</code></example>
public sealed record BallDensity(double Cutoff) : SpectralDensity
{
    /// <inheritdoc />
    public override string Family => "ball";
}

/// <summary>
/// Uniform in the ball of radius <see cref="Cutoff"/> with amplitude g(w)^2 = vol(B_L) / ((2 pi)^d (w^2 + m^2)):
/// the free massive scalar propagator with a momentum cutoff.
/// </summary>
/// <example><code>var p = new FreeScalarDensity(Cutoff: 20, Mass: 1);</code></example>
public sealed record FreeScalarDensity(double Cutoff, double Mass) : SpectralDensity
{
    /// <inheritdoc />
    public override string Family => "freeScalar";
}
