// SPDX-License-Identifier: MIT
using System.Globalization;
using NnQft.Model;

namespace NnQft.Numerics.Attention;

/// <summary>
/// Attention-weight moments at D = d_k = infinity (docs/theory.md section 6), by deterministic quadrature.
/// </summary>
/// <example><code>double m = AttentionMoments.TwoPoint(tokens: 4, sigma2: 1.0, rho: 0.5);</code></example>
public static class AttentionMoments
{
    /// <summary>
    /// F_T(sigma^2, rho) = E[A_1(z) A_1(z')] for T exchangeable tokens whose logit pairs are iid
    /// N(0, sigma^2 [[1, rho], [rho, 1]]). Validated: T in 1..4096, sigma^2 in [0, 100], rho in [-1, 1].
    /// Accuracy: relative error below 1e-9 (typically 1e-11) whenever F &gt;= 1e-30, absolute error below 1e-40 under it;
    /// the quadrature looks as deep into the logit tails as F is small, so tiny moments cost more (about 4 ms at 1e-30, against 0.3-0.9 ms typically).
    /// </summary>
    /// <example><code>double f = AttentionMoments.TwoPoint(tokens: 4, sigma2: 0.0, rho: 0.5); // 0.0625: 1/16, no logit noise, uniform weights</code></example>
    public static double TwoPoint(int tokens, double sigma2, double rho)
    {
        ValidateTokens(tokens);
        var law = new TokenLogitLaw(sigma2, rho).Validated();
        if (tokens == 1) return 1.0;
        return TwoPointQuadrature.Evaluate(law, [(law, tokens - 1)]);
    }

    /// <summary>
    /// E[A_t(x) A_t(y)] for non-exchangeable tokens: <paramref name="laws"/>[k] is token k's logit law and
    /// <paramref name="token"/> the 0-based token whose weights are multiplied. Identical laws are grouped, so
    /// the cost grows with the number of distinct laws, not with T.
    /// </summary>
    /// <example><code>double m = AttentionMoments.TwoPoint([new TokenLogitLaw(1.0, 0.5), new TokenLogitLaw(2.0, 0.3)], token: 0);</code></example>
    public static double TwoPoint(IReadOnlyList<TokenLogitLaw> laws, int token)
    {
        ValidateTokens(laws.Count);
        if (token < 0 || token >= laws.Count)
            throw new InvalidInputException("token", $"must be a token index in 0..{laws.Count - 1}", token.ToString(CultureInfo.InvariantCulture));
        for (int k = 0; k < laws.Count; k++) laws[k].Validated($"tokens[{k}].");
        if (laws.Count == 1) return 1.0;
        var others = laws.Where((_, k) => k != token)
            .GroupBy(l => l)
            .Select(g => (g.Key, g.Count()))
            .ToList();
        return TwoPointQuadrature.Evaluate(laws[token], others);
    }

    private static void ValidateTokens(int tokens)
    {
        if (tokens < 1 || tokens > ArchitectureValidator.MaxTokens)
            throw new InvalidInputException("tokens", $"must be an integer in 1..{ArchitectureValidator.MaxTokens}", tokens.ToString(CultureInfo.InvariantCulture));
    }
}
