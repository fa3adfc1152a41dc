// SPDX-License-Identifier: MIT
using NnQft.Model;

namespace NnQft.Numerics.Sampling;

/// <summary>
/// The Rao-Blackwell half of a network draw: everything that enters the attention weights (RF Grams at finite D, the
/// query Wishart at finite d_k, logits, softmax), sampled exactly as the <c>exact</c> sampler does, and from it the
/// per-head conditional covariances c_h(x_p, x_q) = E[y_h(x_p) y_h(x_q) | A, G] = s_V^2 sum_(t,u) A_t(p) A_u(q) K_(tp,uq)
/// (docs/theory.md section 3). Values, readout and bias are not drawn: the Rao-Blackwell estimator integrates them.
/// One instance per thread; the draw depends only on (seed, network index).
/// </summary>
/// <example><code>var s = new ConditionalCovarianceSampler(Architecture.Default, PointSet.Default, seed: 1);
/// var c = new double[s.Heads * 8 * 8]; s.Sample(0, c);</code></example>
public sealed class ConditionalCovarianceSampler
{
    private readonly ExactSampler draws;

    /// <summary>Validates the inputs (throws <see cref="InvalidInputException"/>) and allocates the scratch buffers.</summary>
    /// <example><code>var s = new ConditionalCovarianceSampler(Architecture.Default with { Heads = 2 }, PointSet.Default, seed: 1);</code></example>
    public ConditionalCovarianceSampler(Architecture architecture, PointSet points, ulong seed)
    {
        architecture.Validated();
        points.ValidatedFor(architecture);
        draws = new ExactSampler(architecture, points, seed);
        Heads = architecture.Heads;
        PointCount = points.Count;
    }

    /// <summary>Number of heads N_h.</summary>
    /// <example><code>int h = new ConditionalCovarianceSampler(Architecture.Default with { Heads = 2 }, PointSet.Default, 1).Heads; // 2</code></example>
    public int Heads { get; }

    /// <summary>Number of points P.</summary>
    /// <example><code>int p = new ConditionalCovarianceSampler(Architecture.Default, PointSet.Default, 1).PointCount; // 8</code></example>
    public int PointCount { get; }

    /// <summary>Writes c_h(x_p, x_q) of network <paramref name="network"/> into <paramref name="c"/>[(h P + p) P + q] (length N_h P^2).</summary>
    /// <example><code>
    /// var s = new ConditionalCovarianceSampler(Architecture.Default, PointSet.Default, 1); var c = new double[s.Heads * s.PointCount * s.PointCount];
    /// s.Sample(network: 0, c); double c01 = c[0 * s.PointCount + 1]; // c_1(x_1, x_2)
    /// </code></example>
    public void Sample(long network, Span<double> c)
    {
        if (c.Length != Heads * PointCount * PointCount)
            throw new ArgumentException($"expected {Heads} x {PointCount} x {PointCount} covariances, got {c.Length}", nameof(c));
        draws.ConditionalCovariances(network, c);
    }
}
