// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.MonteCarlo;

/// <summary>
/// The extension point of <see cref="MonteCarloSampler"/> for estimators that do not draw phi itself: per network it
/// produces an observation X2_ab with E[X2_ab] = G2(x_a, x_b) for every pair and X4_q with E[X4_q] = G4(quad q) for
/// every quad (typically conditional moments given part of the network, as in Rao-Blackwellisation). X4 need not be
/// a product of X2's; the estimator accumulates the products it needs separately. One instance per worker thread;
/// the observation must depend only on (seed, network index).
/// </summary>
public interface IObservationSampler
{
    /// <summary>Number of points P.</summary>
    int PointCount { get; }

    /// <summary>
    /// Writes network <paramref name="network"/>'s X2 for every pair of <see cref="ObservationOrder.Pairs"/> into
    /// <paramref name="pairs"/> and X4 for every quad of <see cref="ObservationOrder.Quads"/> into <paramref name="quads"/>.
    /// </summary>
    void Observe(long network, Span<double> pairs, Span<double> quads);
}
