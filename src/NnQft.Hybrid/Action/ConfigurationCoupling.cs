// SPDX-License-Identifier: MIT
using System.Globalization;
using NnQft.Model;
using NnQft.Numerics.Results;

namespace NnQft.Hybrid.Action;

/// <summary>
/// The continuum coupling per configuration of docs/theory.md section 10: lambda(x1..x4) = -G4c(x1..x4) /
/// int d^dx prod_i G2(x, x_i), with G2 from the theory of the architecture at every x (D = d_k = infinity) and the
/// integral over R^d or over the box [-L, L]^d of a cutoff L (see <see cref="TreeLevelIntegrals"/> for the quadrature).
/// <para>
/// Over R^d the region is the points' bounding box widened by the distance beyond which |G2| stays under
/// <see cref="DecayScales.DecayTolerance"/> of G2(0); each of the four factors is then below that tolerance outside
/// it. A bias makes G2 tend to sigma_b^2, and a slowly decaying kernel (the ball family's Bessel tails) never gets
/// under the tolerance: both need a cutoff, and say so.
/// </para>
/// </summary>
/// <example><code>
/// var theory = TheoryEvaluator.Evaluate(Architecture.Default, PointSet.Of([[0.0, 0.0], [0.5, 0.0]]), new TheoryOptions(2_000));
/// CouplingSummary c = ConfigurationCoupling.Compute(Architecture.Default, theory, cutoff: 2.0);
/// </code></example>
public static class ConfigurationCoupling
{
    /// <summary>The coupling of every G4 tuple of <paramref name="input"/>; <paramref name="cutoff"/> null means R^d.</summary>
    /// <example><code>var single = Architecture.Default with { Tokens = 1 }; CouplingSummary c = ConfigurationCoupling.Compute(single, TheoryEvaluator.Evaluate(single, PointSet.Of([[0.0, 0.0], [0.5, 0.0]]), new TheoryOptions(1_000)), cutoff: null);</code></example>
    public static CouplingSummary Compute(Architecture architecture, CorrelatorResult input, double? cutoff) =>
        AgainstCutoff(architecture, input, [cutoff])[0];

    /// <summary>
    /// The couplings at several cutoffs (null for R^d), sharing one G2 table: lambda(L) against L, the running of the
    /// coupling with the cutoff.
    /// </summary>
    /// <example><code>var theory = TheoryEvaluator.Evaluate(Architecture.Default, PointSet.Of([[0.0, 0.0], [0.5, 0.0]]), new TheoryOptions(2_000)); var running = ConfigurationCoupling.AgainstCutoff(Architecture.Default, theory, [0.5, 1.0, 2.0, 4.0]);</code></example>
    public static IReadOnlyList<CouplingSummary> AgainstCutoff(Architecture architecture, CorrelatorResult input, IReadOnlyList<double?> cutoffs)
    {
        architecture.Validated();
        var points = PointSet.Of(input.Points).ValidatedFor(architecture, "points (of the input, against --config)");
        var scales = DecayScales.Of(architecture);
        var boxes = cutoffs.Select(c => c is double l ? IntegrationBox.Cube(points.Dimension, l) : WholeSpace(architecture, points, scales)).ToArray();
        var table = RadialTwoPoint.FromTheory(architecture, boxes.Max(b => b.FarthestDistance(points)) * (1 + 1e-9), scales);
        var tuples = input.G4.Select(e => e.Index).ToArray();
        return boxes.Select((box, i) => Summarise(cutoffs[i], input.G4, TreeLevelIntegrals.Compute(points, tuples, table, box))).ToArray();
    }

    private static IntegrationBox WholeSpace(Architecture architecture, PointSet points, DecayScales scales)
    {
        if (architecture.HasBias)
            throw new InvalidInputException("--cutoff", "is needed when sigmaB != 0: G2 tends to sigmaB^2 and the integral over R^d diverges");
        if (double.IsPositiveInfinity(scales.DecayRadius))
            throw new InvalidInputException("--cutoff", $"is needed: this architecture's G2 does not decay under {DecayScales.DecayTolerance} of G2(0) within {DecayScales.ScanEnd} half-radii, so the integral over R^d cannot be truncated");
        return IntegrationBox.Around(points, scales.DecayRadius);
    }

    private static CouplingSummary Summarise(double? cutoff, IReadOnlyList<G4Entry> g4, IntegralEstimates integrals)
    {
        var per = new TupleCoupling[g4.Count];
        for (int q = 0; q < g4.Count; q++)
        {
            double integral = integrals.Value[q];
            if (!(Math.Abs(integral) > 0))
                throw new InvalidInputException("--cutoff", $"gives a vanishing tree-level integral at tuple {string.Join(",", g4[q].Index)}", integral.ToString("R", CultureInfo.InvariantCulture));
            per[q] = new TupleCoupling(g4[q].Index, -g4[q].Connected / integral, g4[q].ConnectedStderr / Math.Abs(integral), integral, integrals.Error[q]);
        }
        double mean = per.Average(c => c.Lambda);
        double spread = per.Length > 1 ? Math.Sqrt(per.Sum(c => (c.Lambda - mean) * (c.Lambda - mean)) / (per.Length - 1)) : 0;
        return new CouplingSummary(cutoff, per, mean, spread, integrals.Converged);
    }
}
