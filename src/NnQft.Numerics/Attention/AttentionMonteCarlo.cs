// SPDX-License-Identifier: MIT
using System.Globalization;
using MathNet.Numerics.Statistics;
using NnQft.Model;
using NnQft.Numerics.Randomness;

namespace NnQft.Numerics.Attention;

/// <summary>
/// Attention-weight moments at d_k = infinity by Monte Carlo over the Gaussian logits alone (docs/theory.md section 6):
/// one pass of samples serves every requested product. Deterministic for a seed: block b of
/// <see cref="BlockSize"/> samples uses the random stream (seed, b), whatever the thread count.
/// </summary>
/// <example><code>
/// var sampler = AttentionMonteCarlo.ExchangeableSampler(tokens: 4, sigma2: 1.0, rho: 0.5);
/// var m2 = AttentionMonteCarlo.Estimate(sampler, [AttentionProduct.TwoPoint(0, 0, 1)], samples: 100_000, seed: 1)[0];
/// </code></example>
public static class AttentionMonteCarlo
{
    /// <summary>Samples per random stream.</summary>
    /// <example><code>long blocks = (100_000 + AttentionMonteCarlo.BlockSize - 1) / AttentionMonteCarlo.BlockSize; // random streams used</code></example>
    public const int BlockSize = 4096;

    /// <summary>Estimates every product in <paramref name="products"/> from the same <paramref name="samples"/> draws.</summary>
    /// <example><code>
    /// var sampler = AttentionMonteCarlo.ExchangeableSampler(4, 1.0, 0.5);
    /// var m = AttentionMonteCarlo.Estimate(sampler, [AttentionProduct.TwoPoint(0, 0, 1), AttentionProduct.FourPoint(0, 0, 1, 1, 0, 1)], 50_000, seed: 1);
    /// </code></example>
    public static IReadOnlyList<MonteCarloEstimate> Estimate(LogitSampler sampler, IReadOnlyList<AttentionProduct> products, long samples, ulong seed)
    {
        if (samples < 2)
            throw new InvalidInputException("samples", "must be an integer >= 2", samples.ToString(CultureInfo.InvariantCulture));
        foreach (var product in products)
            foreach (var f in product.Factors)
                if (f.Token < 0 || f.Token >= sampler.Tokens || f.Point < 0 || f.Point >= sampler.Points)
                    throw new InvalidInputException("products", $"token must be in 0..{sampler.Tokens - 1} and point in 0..{sampler.Points - 1}");
        long blocks = (samples + BlockSize - 1) / BlockSize;
        var perBlock = new RunningStatistics[blocks][];
        Parallel.For(0L, blocks, b =>
        {
            var stats = new RunningStatistics[products.Count];
            for (int i = 0; i < stats.Length; i++) stats[i] = new RunningStatistics();
            var random = new NetworkRandom(seed, b);
            var weights = new double[sampler.Tokens * sampler.Points];
            var scratch = new double[sampler.ScratchLength];
            long count = Math.Min(BlockSize, samples - b * BlockSize);
            for (long s = 0; s < count; s++)
            {
                sampler.Sample(random, weights, scratch);
                for (int i = 0; i < products.Count; i++)
                {
                    double v = 1;
                    foreach (var f in products[i].Factors) v *= weights[f.Token * sampler.Points + f.Point];
                    stats[i].Push(v);
                }
            }
            perBlock[b] = stats;
        });
        var result = new MonteCarloEstimate[products.Count];
        for (int i = 0; i < products.Count; i++)
        {
            var total = new RunningStatistics();
            for (long b = 0; b < blocks; b++) total = RunningStatistics.Combine(total, perBlock[b][i]);
            result[i] = new MonteCarloEstimate(total.Mean, Math.Sqrt(total.Variance / total.Count), total.Count);
        }
        return result;
    }

    /// <summary>The sampler of T exchangeable tokens at two points with logit variance sigma^2 and correlation rho.</summary>
    /// <example><code>LogitSampler sampler = AttentionMonteCarlo.ExchangeableSampler(tokens: 4, sigma2: 1.0, rho: 0.5); int points = sampler.Points; // 2</code></example>
    public static LogitSampler ExchangeableSampler(int tokens, double sigma2, double rho)
    {
        var law = new TokenLogitLaw(sigma2, rho).Validated();
        if (tokens < 1 || tokens > ArchitectureValidator.MaxTokens)
            throw new InvalidInputException("tokens", $"must be an integer in 1..{ArchitectureValidator.MaxTokens}", tokens.ToString(CultureInfo.InvariantCulture));
        var covariance = new double[,] { { law.Variance, law.Variance * law.Correlation }, { law.Variance * law.Correlation, law.Variance } };
        return new LogitSampler(Enumerable.Repeat(covariance, tokens).ToList());
    }

    /// <summary>F_T(sigma^2, rho) by Monte Carlo: the check on the quadrature, and the <c>mc</c> method of the CLI.</summary>
    /// <example><code>var f = AttentionMonteCarlo.TwoPoint(4, 1.0, 0.5, samples: 100_000, seed: 1); double z = (f.Value - AttentionMoments.TwoPoint(4, 1.0, 0.5)) / f.StandardError;</code></example>
    public static MonteCarloEstimate TwoPoint(int tokens, double sigma2, double rho, long samples, ulong seed) =>
        Estimate(ExchangeableSampler(tokens, sigma2, rho), [AttentionProduct.TwoPoint(0, 0, 1)], samples, seed)[0];
}
