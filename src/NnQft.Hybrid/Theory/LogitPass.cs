// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Numerics.Tensors;
using NnQft.Numerics.Attention;
using NnQft.Numerics.Randomness;

namespace NnQft.Hybrid.Theory;

/// <summary>Per tuple: the means of the three forms and the standard errors of the full and connected correlator (G4 or G6).</summary>
internal sealed record FormEstimates(double[] Means, double[] FullStderr, double[] ConnectedStderr);

/// <summary>
/// One pass over the logit samples that estimates every requested four- and six-point moment at once. Samples come in the
/// blocks of <see cref="AttentionMonteCarlo.BlockSize"/> that fix the random streams (seed, block), in order, so results
/// do not depend on the thread count. Each block is cut into batches: per batch the pair vectors of every sample are
/// formed, every four-point entry is one dot product of two of them and every six-point entry one sum of products of
/// three (cost: samples x entries asked for), and every form is
/// evaluated at the batch means. The spread of those batch values over about <see cref="TargetBatches"/> batches gives
/// the standard errors (batch means; the forms are linear in the moments, so a form's batch value is the batch mean of
/// its per-sample values).
/// </summary>
internal static class LogitPass
{
    /// <summary>The number of batches the standard errors rest on (fewer only when there are fewer samples).</summary>
    public const int TargetBatches = 128;

    private const int Grain = 2048;

    public static FormEstimates Run(LogitSampler sampler, MomentEntries entries, TupleForms forms, long samples, ulong seed)
    {
        int batchSize = (int)Math.Clamp((samples + TargetBatches - 1) / TargetBatches, 1, AttentionMonteCarlo.BlockSize);
        int stride = (batchSize + PairDots.Width - 1) / PairDots.Width * PairDots.Width; // rows padded with zeros to whole vectors
        int weightsPerSample = sampler.Tokens * sampler.Points;
        var pairWeights = entries.PairWeights();
        int pairCount = entries.PairCount, entryCount = entries.EntryCount;
        int q = forms.Tuples, k = forms.Moments;

        var weights = new double[weightsPerSample * stride];        // [w][s]
        var pairs = new double[(long)pairCount * stride];           // [pair][s]
        var dots = new PairDots(pairCount, entries.TwoPairs(), entries.TwoEntries());
        var triples = new PairTriples(entries.ThreePairs(), entries.ThreeEntries());
        var batchSums = new double[entryCount];
        var totals = new double[entryCount];
        // Per tuple, for the full and the connected form: the first batch's value (a shift, so that a form that does not
        // fluctuate has exactly zero spread), then sum n^2 (d - shift) and sum n^2 (d - shift)^2.
        var sums = new double[q * 6];
        double squaredSizes = 0;
        bool first = true;
        long batches = 0;
        var one = new double[weightsPerSample];
        var scratch = new double[sampler.ScratchLength];

        long blocks = (samples + AttentionMonteCarlo.BlockSize - 1) / AttentionMonteCarlo.BlockSize;
        for (long b = 0; b < blocks; b++)
        {
            var random = new NetworkRandom(seed, b);
            long inBlock = Math.Min(AttentionMonteCarlo.BlockSize, samples - b * AttentionMonteCarlo.BlockSize);
            for (long start = 0; start < inBlock; start += batchSize)
            {
                int n = (int)Math.Min(batchSize, inBlock - start);
                for (int s = 0; s < n; s++)
                {
                    sampler.Sample(random, one, scratch);
                    for (int w = 0; w < weightsPerSample; w++) weights[w * stride + s] = one[w];
                }
                if (n < stride)
                    for (int w = 0; w < weightsPerSample; w++) weights.AsSpan(w * stride + n, stride - n).Clear();
                Chunks(pairCount, (from, to) =>
                {
                    for (int p = from; p < to; p++)
                        TensorPrimitives.Multiply(
                            weights.AsSpan(pairWeights[2 * p] * stride, stride),
                            weights.AsSpan(pairWeights[2 * p + 1] * stride, stride),
                            pairs.AsSpan(p * stride, stride));
                });
                Chunks(dots.Rows, (from, to) => dots.Compute(from, to, pairs, stride, batchSums), grain: 64);
                Chunks(triples.Count, (from, to) => triples.Compute(from, to, pairs, stride, batchSums), grain: 64);
                Chunks(entryCount, (from, to) =>
                {
                    for (int e = from; e < to; e++) totals[e] += batchSums[e];
                });
                double n2 = (double)n * n;
                Chunks(q, (from, to) =>
                {
                    for (int i = from; i < to; i++)
                    {
                        var (full, connected) = MomentParts(forms, i, k, batchSums, n);
                        Accumulate(sums.AsSpan(6 * i, 3), full, n2, first);
                        Accumulate(sums.AsSpan(6 * i + 3, 3), connected, n2, first);
                    }
                });
                squaredSizes += n2;
                first = false;
                batches++;
            }
        }

        var means = new double[q * TupleForms.FormCount];
        var fullErr = new double[q];
        var connectedErr = new double[q];
        double total = samples, correction = batches > 1 ? batches / (batches - 1.0) : double.NaN;
        Chunks(q, (from, to) =>
        {
            for (int i = from; i < to; i++)
            {
                var (full, connected) = MomentParts(forms, i, k, totals, total);
                double breaking = 0;
                for (int j = 0; j < k; j++) breaking += forms.Breaking[(long)i * k + j] * totals[forms.Entries[(long)i * k + j]] / total;
                means[3 * i] = forms.Constants[3 * i] + full;
                means[3 * i + 1] = forms.Constants[3 * i + 1] + breaking;
                means[3 * i + 2] = forms.Constants[3 * i + 2] + connected - breaking;
                fullErr[i] = Spread(sums.AsSpan(6 * i, 3), full);
                connectedErr[i] = Spread(sums.AsSpan(6 * i + 3, 3), connected);
            }
        });
        return new FormEstimates(means, fullErr, connectedErr);

        // sum_b (n_b / N)^2 (d_b - d)^2 from the shifted sums, times B / (B - 1).
        double Spread(ReadOnlySpan<double> sum, double mean)
        {
            double centred = mean - sum[0];
            double spread = sum[2] - 2 * centred * sum[1] + centred * centred * squaredSizes;
            return Math.Sqrt(Math.Max(0, spread * correction)) / total;
        }
    }

    private static void Accumulate(Span<double> sum, double value, double weight, bool first)
    {
        if (first) sum[0] = value;
        double d = value - sum[0];
        sum[1] += weight * d;
        sum[2] += weight * d * d;
    }

    // The moment parts (form minus its constant) of the full Gn and of Gnc = independence breaking + finite width.
    private static (double Full, double Connected) MomentParts(TupleForms forms, int i, int k, double[] sums, double count)
    {
        double full = 0, connected = 0;
        var coefficients = forms.Sampled.AsSpan((int)((long)i * 2 * k), 2 * k);
        var entries = forms.Entries.AsSpan((int)((long)i * k), k);
        for (int j = 0; j < k; j++)
        {
            double m = sums[entries[j]] / count;
            full += coefficients[j] * m;
            connected += coefficients[k + j] * m;
        }
        return (full, connected);
    }

    // Deterministic parallel loop: every index is handled by exactly one worker, so no sum depends on the schedule.
    private static void Chunks(int count, Action<int, int> body, int grain = Grain)
    {
        if (count <= grain) { body(0, count); return; }
        Parallel.ForEach(Partitioner.Create(0, count, grain), range => body(range.Item1, range.Item2));
    }
}
