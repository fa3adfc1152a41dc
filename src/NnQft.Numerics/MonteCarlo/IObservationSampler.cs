// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.MonteCarlo;

/// <summary>
/// The extension point of <see cref="MonteCarloSampler"/> for estimators that do not draw phi itself: per network it
/// produces an observation X2_ab with E[X2_ab] = G2(x_a, x_b) for every pair and X4_q with E[X4_q] = G4(quad q) for
/// every quad (typically conditional moments given part of the network, as in Rao-Blackwellisation). X4 need not be
/// a product of X2's; the estimator accumulates the products it needs separately. One instance per worker thread;
/// the observation must depend only on (seed, network index).
/// </summary>
/// <example><code>Func&lt;SampleOptions, IObservationSampler&gt;? factory = RaoBlackwellSampling.Options(new SampleOptions(Architecture.Default, PointSet.Default)).ObservationSamplers; // the Rao-Blackwell observations</code></example>
public interface IObservationSampler
{
    /// <summary>Number of points P.</summary>
    /// <example><code>int pairs = ObservationOrder.Pairs(PointSet.Default.Count).Count; // what Observe fills for PointCount = 8</code></example>
    int PointCount { get; }

    /// <summary>
    /// Writes network <paramref name="network"/>'s X2 for every pair of <see cref="ObservationOrder.Pairs"/> into
    /// <paramref name="pairs"/> and X4 for every quad of <see cref="ObservationOrder.Quads"/> into <paramref name="quads"/>.
    /// </summary>
    /// <example><code>void Fill(IObservationSampler s) { var x2 = new double[ObservationOrder.Pairs(s.PointCount).Count]; var x4 = new double[ObservationOrder.Quads(s.PointCount).Count]; s.Observe(0, x2, x4); }</code></example>
    void Observe(long network, Span<double> pairs, Span<double> quads);
}
