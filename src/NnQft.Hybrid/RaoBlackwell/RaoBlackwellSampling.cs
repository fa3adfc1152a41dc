// SPDX-License-Identifier: MIT
using NnQft.Numerics.MonteCarlo;
using NnQft.Symbolic;
using NnQft.Numerics.Sampling;

namespace NnQft.Hybrid.RaoBlackwell;

/// <summary>
/// Entry point of <c>sample --method raoBlackwell</c>: derives and compiles the second and fourth conditional moments
/// of the architecture once, and plugs a per-thread <see cref="IObservationSampler"/> into
/// <see cref="MonteCarloSampler"/>. Results (JSON, standard errors, shards, checkpoints, merge) are those of any
/// other method; the connected G4 uses the estimator for observations that are not products of one field.
/// </summary>
/// <example><code>var o = RaoBlackwellSampling.Options(new SampleOptions(Architecture.Default, PointSet.Default) { Networks = 2_000 });
/// var result = MonteCarloSampler.Sample(o).Result;</code></example>
public static class RaoBlackwellSampling
{
    /// <summary>
    /// <paramref name="options"/> with <see cref="SampleOptions.Method"/> = raoBlackwell and its observation samplers.
    /// Validates the architecture and points first (throws <see cref="Model.InvalidInputException"/>).
    /// </summary>
    /// <example><code>var run = MonteCarloSampler.Sample(RaoBlackwellSampling.Options(new SampleOptions(Architecture.Default, PointSet.Default) { Networks = 2_000, Method = SamplingMethod.RaoBlackwell }));</code></example>
    public static SampleOptions Options(SampleOptions options)
    {
        var architecture = options.Architecture.Validated();
        var points = options.Points.ValidatedFor(architecture, "--points");
        _ = ObservationOrder.Pairs(points.Count); // checks the point count before the (slower) derivation
        var second = ConditionalMomentEvaluator.Create(architecture, 2, points.Count);
        var fourth = ConditionalMomentEvaluator.Create(architecture, 4, points.Count);
        return options with
        {
            Method = SamplingMethod.RaoBlackwell,
            ObservationSamplers = run =>
            {
                // The moments were compiled for this architecture and point count; a changed copy of the options must not reuse them.
                if (!run.Architecture.Equals(architecture) || run.Points.Count != points.Count)
                    throw new InvalidOperationException("the Rao-Blackwell options were prepared for another architecture or point set; call RaoBlackwellSampling.Options again");
                return new RaoBlackwellSampler(architecture, run.Points, run.Seed, second, fourth);
            },
        };
    }
}
