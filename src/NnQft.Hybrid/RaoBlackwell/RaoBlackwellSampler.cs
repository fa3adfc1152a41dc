// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Symbolic;
using NnQft.Numerics.MonteCarlo;
using NnQft.Numerics.Sampling;

namespace NnQft.Hybrid.RaoBlackwell;

/// <summary>
/// One worker's Rao-Blackwell observations: per network, draw the attention weights and Grams (numeric module), form
/// the per-head conditional covariances c_h, and evaluate the engine's derived conditional moments
/// X2_ab = E[phi_a phi_b | A, G] and X4_ijkl = E[phi_i phi_j phi_k phi_l | A, G] (symbolic module). Averaging them
/// over networks estimates G2 and G4 exactly (same expectation as <c>exact</c>) at every finite width, with the
/// Gaussian values, the readout (chi-square) and the bias integrated analytically.
/// </summary>
internal sealed class RaoBlackwellSampler : IObservationSampler
{
    private readonly ConditionalCovarianceSampler covariances;
    private readonly ConditionalMomentEvaluator second, fourth;
    private readonly double[] secondValues, fourthValues;
    private readonly double[][] table;
    private readonly IReadOnlyList<(int A, int B)> pairs;
    private readonly int[] quads; // flattened, 4 per quad

    public RaoBlackwellSampler(Architecture architecture, PointSet points, ulong seed, ConditionalMomentEvaluator second, ConditionalMomentEvaluator fourth)
    {
        covariances = new ConditionalCovarianceSampler(architecture, points, seed);
        this.second = second;
        this.fourth = fourth;
        secondValues = second.NewValues();
        fourthValues = fourth.NewValues();
        table = [new double[architecture.Heads * points.Count * points.Count]];
        pairs = ObservationOrder.Pairs(points.Count);
        quads = ObservationOrder.Quads(points.Count).SelectMany(q => q).ToArray();
        PointCount = points.Count;
    }

    public int PointCount { get; }

    public void Observe(long network, Span<double> x2, Span<double> x4)
    {
        covariances.Sample(network, table[0]);
        Span<int> pair = stackalloc int[2];
        for (int n = 0; n < pairs.Count; n++)
        {
            pair[0] = pairs[n].A;
            pair[1] = pairs[n].B;
            x2[n] = second.Evaluate(pair, secondValues, table);
        }
        for (int q = 0; q < x4.Length; q++) x4[q] = fourth.Evaluate(quads.AsSpan(4 * q, 4), fourthValues, table);
    }
}
