// SPDX-License-Identifier: MIT
namespace NnQft.Hybrid.Validation;

/// <summary>
/// One comparison of theory and Monte Carlo: z = (theory - monteCarlo) / sqrt(se_theory^2 + se_mc^2), where
/// <see cref="Stderr"/> is that combined one-sigma error.
/// </summary>
/// <example><code>var row = ValidationRow.Compare("G2(0,1)", 0.41, 0.0, 0.409, 0.002);</code></example>
public sealed record ValidationRow(string Quantity, double Theory, double MonteCarlo, double Stderr, double Z)
{
    /// <summary>Compares a theory value (with its own standard error, 0 when exact) with a Monte Carlo estimate.</summary>
    /// <example><code>double z = ValidationRow.Compare("G4c(0,0,1,1)", theory: 0.10, theoryStderr: 0.001, monteCarlo: 0.103, monteCarloStderr: 0.002).Z; // ~-1.34: (theory - MC) / combined stderr</code></example>
    public static ValidationRow Compare(string quantity, double theory, double theoryStderr, double monteCarlo, double monteCarloStderr)
    {
        double se = Math.Sqrt(theoryStderr * theoryStderr + monteCarloStderr * monteCarloStderr);
        double z = se > 0 ? (theory - monteCarlo) / se : (theory == monteCarlo ? 0.0 : double.PositiveInfinity);
        return new ValidationRow(quantity, theory, monteCarlo, se, z);
    }
}
