// SPDX-License-Identifier: MIT
using NnQft.Hybrid.Theory;
using NnQft.Model;
using NnQft.Numerics.Results;

namespace NnQft.Hybrid.Action;

/// <summary>Options of <see cref="PointActionAnalysis"/> (the <c>action</c> command).</summary>
/// <param name="Cutoff">L of the box [-L, L]^d for the coupling integrals; null integrates over R^d.</param>
/// <param name="TheorySamples">Logit samples of the theory's four-point moments (input from the theory only).</param>
/// <param name="Seed">Seed of that logit Monte Carlo.</param>
/// <example><code>var options = new ActionOptions(Cutoff: 2.0);</code></example>
public sealed record ActionOptions(double? Cutoff = null, long TheorySamples = 200_000, ulong Seed = 1);

/// <summary>
/// <c>nnqft action</c> as a library call: the action on the points (<see cref="AmputatedVertex"/>) and the coupling
/// per configuration (<see cref="ConfigurationCoupling"/>), from the theory at an architecture or from any result of
/// sample, merge or theory that holds G2 and every G4 tuple (docs/cli.md section 5).
/// </summary>
/// <example><code>ActionReport r = PointActionAnalysis.FromTheory(Architecture.Default, PointSet.Of([[0.0, 0.0], [0.5, 0.0]]), new ActionOptions(TheorySamples: 2_000));</code></example>
public static class PointActionAnalysis
{
    /// <summary>The action of the theory at <paramref name="architecture"/> on <paramref name="points"/>, as <c>theory</c> computes it.</summary>
    /// <example><code>ActionReport r = PointActionAnalysis.FromTheory(Architecture.Default with { Heads = 4 }, PointSet.Of([[0.0, 0.0], [0.5, 0.0]]), new ActionOptions(Cutoff: 3.0, TheorySamples: 2_000));</code></example>
    public static ActionReport FromTheory(Architecture architecture, PointSet points, ActionOptions options)
    {
        var theory = TheoryEvaluator.Evaluate(architecture, points, new TheoryOptions(options.TheorySamples, options.Seed));
        return FromResult(architecture, theory, "theory", options);
    }

    /// <summary>
    /// The action of a result <paramref name="input"/> named <paramref name="source"/>; the coupling integrals take G2
    /// at every x from the theory of <paramref name="architecture"/>, whose dimension must match the input's points.
    /// </summary>
    /// <example><code>File.WriteAllText("mc.json", MonteCarloSampler.Sample(new SampleOptions(Architecture.Default, PointSet.Of([[0.0, 0.0], [0.5, 0.0]])) { Networks = 1_000 }).ToJson()); var (input, _) = CorrelatorResultJson.Read(File.ReadAllText("mc.json"), "mc.json"); ActionReport r = PointActionAnalysis.FromResult(Architecture.Default, input, "mc.json", new ActionOptions());</code></example>
    public static ActionReport FromResult(Architecture architecture, CorrelatorResult input, string source, ActionOptions options)
    {
        var action = AmputatedVertex.Compute(input, source);
        var coupling = ConfigurationCoupling.Compute(architecture, input, options.Cutoff);
        return new ActionReport(source, action, coupling);
    }
}
