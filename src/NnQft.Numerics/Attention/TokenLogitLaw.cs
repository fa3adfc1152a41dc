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
public sealed record TokenLogitLaw(double Variance, double Correlation)
{
    /// <summary>Largest logit variance for which the quadrature accuracy is guaranteed.</summary>
    public const double MaxVariance = 100.0;

    /// <summary>This law, or an <see cref="InvalidInputException"/> naming the bad field.</summary>
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
