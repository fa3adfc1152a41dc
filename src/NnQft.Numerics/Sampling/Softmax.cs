// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Sampling;

/// <summary>Attention weights A_t(x_p) = exp(s_tp) / sum_u exp(s_up), shifted by the maximum so nothing overflows.</summary>
internal static class Softmax
{
    /// <summary>Logits and weights are indexed (t, p) -> t P + p.</summary>
    public static void OverTokens(ReadOnlySpan<double> logits, Span<double> weights, int tokens, int points)
    {
        for (int q = 0; q < points; q++)
        {
            double max = double.NegativeInfinity;
            for (int i = 0; i < tokens; i++) max = Math.Max(max, logits[i * points + q]);
            double sum = 0;
            for (int i = 0; i < tokens; i++)
            {
                double e = Math.Exp(logits[i * points + q] - max);
                weights[i * points + q] = e;
                sum += e;
            }
            double inverse = 1.0 / sum;
            for (int i = 0; i < tokens; i++) weights[i * points + q] *= inverse;
        }
    }
}
