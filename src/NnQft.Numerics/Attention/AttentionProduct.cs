// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Attention;

/// <summary>One factor A_t(x_p) of an attention-weight moment (0-based token and point).</summary>
/// <param name="Token">Token index t.</param>
/// <param name="Point">Point index p.</param>
/// <example><code>var factor = new AttentionFactor(Token: 0, Point: 1); // A_0(x_1), 0-based</code></example>
public readonly record struct AttentionFactor(int Token, int Point);

/// <summary>A moment E[prod_i A_{t_i}(x_{p_i})] to estimate, e.g. the same-token four-point moment
/// E[A_t(x_a) A_t(x_b) A_t(x_c) A_t(x_d)] or the two-token one with u != t in the last two factors.</summary>
/// <param name="Factors">The factors of the product.</param>
/// <example><code>var m4 = new AttentionProduct([new(0, 0), new(0, 1), new(1, 0), new(1, 1)]); // E[A_0(x0) A_0(x1) A_1(x0) A_1(x1)]</code></example>
public sealed record AttentionProduct(IReadOnlyList<AttentionFactor> Factors)
{
    /// <summary>E[A_t(x_a) A_t(x_b)].</summary>
    /// <example><code>AttentionProduct m2 = AttentionProduct.TwoPoint(t: 0, a: 0, b: 1); // E[A_0(x0) A_0(x1)]</code></example>
    public static AttentionProduct TwoPoint(int t, int a, int b) => new([new(t, a), new(t, b)]);

    /// <summary>E[A_t(x_a) A_t(x_b) A_u(x_c) A_u(x_d)] (same token when u = t).</summary>
    /// <example><code>AttentionProduct m4 = AttentionProduct.FourPoint(t: 0, a: 0, b: 1, u: 1, c: 0, d: 1); // two tokens</code></example>
    public static AttentionProduct FourPoint(int t, int a, int b, int u, int c, int d) =>
        new([new(t, a), new(t, b), new(u, c), new(u, d)]);
}

/// <summary>A Monte Carlo estimate with its one-sigma standard error.</summary>
/// <param name="Value">The sample mean.</param>
/// <param name="StandardError">Its standard error (sample standard deviation / sqrt(samples)).</param>
/// <param name="Samples">Number of samples.</param>
/// <example><code>MonteCarloEstimate f = AttentionMonteCarlo.TwoPoint(2, 1.0, 0.0, 10_000, seed: 1); Console.WriteLine($"{f.Value} +- {f.StandardError} ({f.Samples} draws)");</code></example>
public sealed record MonteCarloEstimate(double Value, double StandardError, long Samples);
