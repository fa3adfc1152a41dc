// SPDX-License-Identifier: MIT
using System.Globalization;
using NnQft.Model;

namespace NnQft.Numerics.Attention;

/// <summary>
/// The law of one token's logit pair (z, z') at two points at d_k = infinity: centred Gaussian with the same
/// variance at both points (the logit process is stationary) and correlation <see cref="Correlation"/>.
/// </summary>
/// <param name="Variance">sigma^2 = Var z = Var z', in [0, 100].</param>
/// <param name="Correlation">rho = Corr(z, z'), in [-1, 1].</param>
/// <example><code>var law = new TokenLogitLaw(Variance: 1.0, Correlation: 0.5).Validated();</code></example>
public sealed record TokenLogitLaw(double Variance, double Correlation)
{
    /// <summary>Largest logit variance for which the quadrature accuracy is guaranteed.</summary>
    /// <example><code>bool ok = 4.0 &lt;= TokenLogitLaw.MaxVariance; // true</code></example>
    public const double MaxVariance = 100.0;

    /// <summary>This law, or an <see cref="InvalidInputException"/> naming the bad field.</summary>
    /// <example><code>var law = new TokenLogitLaw(1.0, 1.5).Validated("token[1]."); // throws InvalidInputException naming token[1].rho: must be in [-1, 1]</code></example>
    public TokenLogitLaw Validated(string field = "")
    {
        if (!double.IsFinite(Variance) || Variance < 0 || Variance > MaxVariance)
            throw new InvalidInputException(field + "sigma2", "must be a number in [0, 100]", Variance.ToString("R", CultureInfo.InvariantCulture));
        if (!double.IsFinite(Correlation) || Math.Abs(Correlation) > 1)
            throw new InvalidInputException(field + "rho", "must be a number in [-1, 1]", Correlation.ToString("R", CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Standard deviation of the half-sum a = (z + z') / 2.</summary>
    internal double SumScale => Math.Sqrt(Math.Max(0, 0.5 * Variance * (1 + Correlation)));

    /// <summary>Standard deviation of the half-difference b = (z - z') / 2.</summary>
    internal double DifferenceScale => Math.Sqrt(Math.Max(0, 0.5 * Variance * (1 - Correlation)));
}
