// SPDX-License-Identifier: MIT
using System.Globalization;
using MathNet.Numerics.Integration;
using NnQft.Model;

namespace NnQft.Numerics.Attention;

/// <summary>
/// The hard-attention limit sigma^2 -> infinity of F_T: the probability that token 1 has the largest logit at both
/// points, for T iid standard Gaussian pairs with correlation rho (a Gaussian orthant probability).
/// </summary>
/// <example><code>double f = HardAttention.TwoPoint(tokens: 2, rho: 0.0); // 0.25: the winner at x and at y independent</code></example>
public static class HardAttention
{
    private static readonly GaussLegendreRule Panel = new(-1, 1, 16);

    /// <summary>
    /// lim F_T = P(z_1 = max_t z_t and z'_1 = max_t z'_t) = E[Phi_2(z, z'; rho)^(T-1)] over token 1's pair.
    /// T = 2 has the closed form 1/4 + asin(rho) / (2 pi); general T is a 2D integral of the bivariate normal
    /// distribution function over a whitened frame (composite 16-point Gauss-Legendre on [-9, 9]^2).
    /// </summary>
    /// <example><code>double f = HardAttention.TwoPoint(tokens: 4, rho: 1.0); // 0.25: the same winner at both points</code></example>
    public static double TwoPoint(int tokens, double rho)
    {
        if (tokens < 1 || tokens > ArchitectureValidator.MaxTokens)
            throw new InvalidInputException("tokens", $"must be an integer in 1..{ArchitectureValidator.MaxTokens}", tokens.ToString(CultureInfo.InvariantCulture));
        if (!double.IsFinite(rho) || Math.Abs(rho) > 1)
            throw new InvalidInputException("rho", "must be a number in [-1, 1]", rho.ToString("R", CultureInfo.InvariantCulture));
        if (tokens == 1) return 1.0;
        if (rho == 1) return 1.0 / tokens;
        if (rho == -1) return 0.0;
        if (tokens == 2) return 0.25 + Math.Asin(rho) / (2 * Math.PI);
        return Integrate(tokens, rho);
    }

    /// <summary>The orthant integral for any T &gt;= 2 and |rho| &lt; 1 (T = 2 checks it against the closed form).</summary>
    internal static double Integrate(int tokens, double rho)
    {
        double c = Math.Sqrt((1 - rho) * (1 + rho));
        const int panels = 12;
        const double lo = -9, hi = 9, width = (hi - lo) / panels;
        int n = Panel.Abscissas.Length;
        var nodes = new double[panels * n];
        var weights = new double[panels * n];
        for (int p = 0; p < panels; p++)
            for (int i = 0; i < n; i++)
            {
                double x = lo + width * (p + 0.5 * (Panel.Abscissas[i] + 1));
                nodes[p * n + i] = x;
                weights[p * n + i] = 0.5 * width * Panel.Weights[i] * Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);
            }
        double sum = 0;
        for (int i = 0; i < nodes.Length; i++)
        {
            double u = nodes[i];
            for (int j = 0; j < nodes.Length; j++)
            {
                double z = u, zPrime = rho * u + c * nodes[j];
                double cdf = BivariateNormal.Cdf(z, zPrime, rho);
                if (cdf > 0) sum += weights[i] * weights[j] * Math.Exp((tokens - 1) * Math.Log(cdf));
            }
        }
        return sum;
    }
}
