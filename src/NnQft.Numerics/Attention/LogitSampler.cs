// SPDX-License-Identifier: MIT
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using NnQft.Model;
using NnQft.Numerics.Randomness;

namespace NnQft.Numerics.Attention;

/// <summary>
/// Draws attention weights at d_k = infinity: each token's logits over the points are an independent centred
/// Gaussian vector with its own covariance (s_Q^2 s_K^2 k_0(x_p - x_q) k_t(x_p - x_q), docs/theory.md section 2), and
/// A_t(x_p) is the softmax over tokens at each point. Covariances may be singular (repeated points): the factor is
/// the symmetric square root with negative round-off eigenvalues clipped. Immutable; one instance serves threads.
/// </summary>
/// <example><code>
/// var s = new LogitSampler([new double[,] { { 1, 0.5 }, { 0.5, 1 } }, new double[,] { { 1, 0.5 }, { 0.5, 1 } }]);
/// var w = new double[s.Tokens * s.Points]; s.Sample(new NetworkRandom(1, 0), w, new double[s.ScratchLength]);
/// </code></example>
public sealed class LogitSampler
{
    private readonly double[][] _factors;

    /// <summary>The sampler for the given per-token covariance matrices (all points x points, same size).</summary>
    /// <example><code>var s = new LogitSampler([new double[,] { { 2, 1 }, { 1, 2 } }, new double[,] { { 1, 0 }, { 0, 1 } }]); // 2 tokens, 2 points</code></example>
    public LogitSampler(IReadOnlyList<double[,]> tokenCovariances)
    {
        if (tokenCovariances.Count < 1 || tokenCovariances.Count > ArchitectureValidator.MaxTokens)
            throw new InvalidInputException("tokens", $"must be an integer in 1..{ArchitectureValidator.MaxTokens}", tokenCovariances.Count.ToString(CultureInfo.InvariantCulture));
        Tokens = tokenCovariances.Count;
        Points = tokenCovariances[0].GetLength(0);
        _factors = new double[Tokens][];
        // Identical covariances (exchangeable tokens) share one factorisation.
        var cache = new Dictionary<double[,], double[]>(ReferenceEqualityComparer.Instance);
        for (int t = 0; t < Tokens; t++)
        {
            var c = tokenCovariances[t];
            if (c.GetLength(0) != Points || c.GetLength(1) != Points)
                throw new InvalidInputException($"covariance[{t}]", $"must be a {Points} x {Points} matrix");
            if (!cache.TryGetValue(c, out var factor)) cache[c] = factor = SquareRoot(c, t);
            _factors[t] = factor;
        }
    }

    /// <summary>Number of tokens T.</summary>
    /// <example><code>int t = AttentionMonteCarlo.ExchangeableSampler(4, 1.0, 0.5).Tokens; // 4</code></example>
    public int Tokens { get; }

    /// <summary>Number of points.</summary>
    /// <example><code>int p = AttentionMonteCarlo.ExchangeableSampler(4, 1.0, 0.5).Points; // 2</code></example>
    public int Points { get; }

    /// <summary>
    /// One draw: <paramref name="weights"/>[t * Points + p] = A_t(x_p). <paramref name="scratch"/> needs
    /// Points * (Tokens + 1) doubles (reuse it across draws to stay allocation-free).
    /// </summary>
    /// <example><code>
    /// var s = AttentionMonteCarlo.ExchangeableSampler(3, 1.0, 0.5); var w = new double[s.Tokens * s.Points];
    /// s.Sample(new NetworkRandom(seed: 1, network: 0), w, new double[s.ScratchLength]); double a01 = w[0 * s.Points + 1]; // A_0(x_1)
    /// </code></example>
    public void Sample(NetworkRandom random, Span<double> weights, Span<double> scratch)
    {
        int n = Points;
        var noise = scratch[..n];
        var logits = scratch.Slice(n, n * Tokens);
        for (int t = 0; t < Tokens; t++)
        {
            random.FillNormal(noise);
            var factor = _factors[t];
            var z = logits.Slice(t * n, n);
            for (int p = 0; p < n; p++)
            {
                double s = 0;
                for (int q = 0; q < n; q++) s += factor[p * n + q] * noise[q];
                z[p] = s;
            }
        }
        Sampling.Softmax.OverTokens(logits, weights, Tokens, n);
    }

    /// <summary>Scratch length that <see cref="Sample"/> needs.</summary>
    /// <example><code>var s = AttentionMonteCarlo.ExchangeableSampler(3, 1.0, 0.5); var scratch = new double[s.ScratchLength];</code></example>
    public int ScratchLength => Points * (Tokens + 1);

    private static double[] SquareRoot(double[,] covariance, int token)
    {
        int n = covariance.GetLength(0);
        var m = Matrix<double>.Build.DenseOfArray(covariance);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (!double.IsFinite(m[i, j]) || Math.Abs(m[i, j] - m[j, i]) > 1e-12 * (1 + Math.Abs(m[i, j])))
                    throw new InvalidInputException($"covariance[{token}]", "must be a finite symmetric matrix");
        var evd = m.Evd(Symmetricity.Symmetric);
        var factor = new double[n * n];
        double largest = 0;
        for (int k = 0; k < n; k++) largest = Math.Max(largest, evd.EigenValues[k].Real);
        for (int k = 0; k < n; k++)
        {
            double lambda = evd.EigenValues[k].Real;
            if (lambda < -1e-9 * Math.Max(1, largest))
                throw new InvalidInputException($"covariance[{token}]", "must be positive semi-definite");
            double root = Math.Sqrt(Math.Max(lambda, 0));
            for (int p = 0; p < n; p++)
                for (int q = 0; q < n; q++)
                    factor[p * n + q] += evd.EigenVectors[p, k] * root * evd.EigenVectors[q, k];
        }
        return factor;
    }
}
