// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;
using NnQft.Model;
using NnQft.Numerics.Randomness;
using NnQft.Numerics.Spectral;

namespace NnQft.Numerics.Sampling;

/// <summary>
/// The literal network of docs/theory.md section 1: every RF frequency and phase, W_Q, W_K, W_V, the readout a and the
/// bias are drawn and multiplied out. The reference the exact sampler is tested against; finite widths only.
/// Draw order per network: bias, then per head: query RF, token RFs in token order, W_Q, W_K, W_V, a.
/// </summary>
internal sealed class BruteForceSampler : INetworkSampler
{
    private readonly Architecture arch;
    private readonly ulong seed;
    private readonly double[] points;
    private readonly int p, t, d, features, dk, dv;
    private readonly ISpectralSampler? query;
    private readonly ISpectralSampler[] tokens;
    private readonly NetworkRandom random;
    private readonly double[] h0, h, frequencies, amplitudes, wq, wk, wv, a, q, keys, values, logits, weights, y;

    public BruteForceSampler(Architecture architecture, PointSet pointSet, ulong seed)
    {
        RequireFinite(architecture.Features, "features");
        RequireFinite(architecture.KeyWidth, "keyWidth");
        RequireFinite(architecture.ValueWidth, "valueWidth");
        arch = architecture;
        this.seed = seed;
        points = pointSet.Flat.ToArray();
        p = pointSet.Count;
        t = architecture.Tokens;
        d = architecture.Dimension;
        features = architecture.Features.Value;
        dk = architecture.KeyWidth.Value;
        dv = architecture.ValueWidth.Value;
        query = architecture.Query is SpectralDensity qd ? SpectralSamplers.For(qd, d) : null;
        tokens = Enumerable.Range(0, t).Select(i => SpectralSamplers.For(architecture.TokenDensity(i), d)).ToArray();
        random = new NetworkRandom(seed, 0);
        h0 = new double[p * features];
        h = new double[t * p * features];
        frequencies = new double[features * d];
        amplitudes = new double[features];
        wq = new double[dk * features];
        wk = new double[dk * features];
        wv = new double[dv * features];
        a = new double[dv];
        q = new double[p * dk];
        keys = new double[t * p * dk];
        values = new double[t * p * dv];
        logits = new double[t * p];
        weights = new double[t * p];
        y = new double[dv];
    }

    public int PointCount => p;

    public void Sample(long network, Span<double> phi)
    {
        random.Reset(seed, network);
        double bias = arch.SigmaB * random.Normal();
        phi.Fill(0);
        double headScale = 1.0 / Math.Sqrt(arch.Heads);
        for (int head = 0; head < arch.Heads; head++) AddHead(phi, headScale);
        for (int i = 0; i < p; i++) phi[i] += bias;
    }

    private void AddHead(Span<double> phi, double headScale)
    {
        if (query is null)
        {
            // The constant query embedding: the same unit vector e_1 at every point.
            h0.AsSpan().Clear();
            for (int i = 0; i < p; i++) h0[i * features] = 1.0;
        }
        else RandomFeatures.Fill(query, random, points, p, features, h0, frequencies, amplitudes);
        for (int i = 0; i < t; i++)
            RandomFeatures.Fill(tokens[i], random, points, p, features, h.AsSpan(i * p * features, p * features), frequencies, amplitudes);
        Gaussian(wq, arch.SigmaQ);
        Gaussian(wk, arch.SigmaK);
        Gaussian(wv, arch.SigmaV);
        Gaussian(a, arch.SigmaA);
        // q(x) = W_Q h0(x), k_t(x) = W_K h_t(x), v_t(x) = W_V h_t(x).
        Project(wq, dk, h0, p, q);
        Project(wk, dk, h, t * p, keys);
        Project(wv, dv, h, t * p, values);
        double logitScale = 1.0 / Math.Sqrt(dk);
        for (int i = 0; i < t; i++)
            for (int x = 0; x < p; x++)
                logits[i * p + x] = logitScale * TensorPrimitives.Dot(q.AsSpan(x * dk, dk), keys.AsSpan((i * p + x) * dk, dk));
        Softmax.OverTokens(logits, weights, t, p);
        double readoutScale = headScale / Math.Sqrt(dv);
        for (int x = 0; x < p; x++)
        {
            y.AsSpan().Clear();
            for (int i = 0; i < t; i++)
                TensorPrimitives.MultiplyAdd(values.AsSpan((i * p + x) * dv, dv), weights[i * p + x], y, y);
            phi[x] += readoutScale * TensorPrimitives.Dot(a, y);
        }
    }

    private void Gaussian(Span<double> target, double sigma)
    {
        random.FillNormal(target);
        TensorPrimitives.Multiply(target, sigma, target);
    }

    // out[r, j] = sum_m W[j, m] rows[r, m]: each output row is the weight matrix applied to one feature vector.
    private void Project(double[] weightsMatrix, int outWidth, double[] rows, int rowCount, double[] output)
    {
        for (int r = 0; r < rowCount; r++)
        {
            var row = rows.AsSpan(r * features, features);
            for (int j = 0; j < outWidth; j++)
                output[r * outWidth + j] = TensorPrimitives.Dot(weightsMatrix.AsSpan(j * features, features), row);
        }
    }

    private static void RequireFinite(Width width, string field)
    {
        if (width.IsInfinite)
            throw new InvalidInputException(field, "must be a finite integer for --method bruteforce (use --method exact for \"inf\")", "inf");
    }
}
