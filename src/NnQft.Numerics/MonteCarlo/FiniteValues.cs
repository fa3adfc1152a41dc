// SPDX-License-Identifier: MIT
using System.Globalization;
using NnQft.Model;

namespace NnQft.Numerics.MonteCarlo;

/// <summary>
/// The guard in front of the exact sums: a non-finite network output, observation or block sum is bad input (valid
/// but extreme coordinates, length scales or sigmas whose floating-point arithmetic overflows), reported naming what
/// overflowed, and never added to an <see cref="Estimation.ExactSum"/> (which would have to throw or drop it).
/// </summary>
internal static class FiniteValues
{
    /// <summary>Every phi(x_p) of one network is finite.</summary>
    public static void CheckOutputs(ReadOnlySpan<double> phi, long network, PointSet points)
    {
        for (int p = 0; p < phi.Length; p++)
        {
            if (double.IsFinite(phi[p])) continue;
            string at = string.Join(", ", points.Point(p).ToArray().Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
            throw new InvalidInputException("--points",
                "must keep coordinates times random frequencies (1 / lengthScale, or cutoff), and the sigmas, small enough for finite network outputs; scale them down",
                $"output {Show(phi[p])} at point {p} ({at}), network {network}");
        }
    }

    /// <summary>Every observation X2, X4 of one network is finite (the Rao-Blackwell path).</summary>
    public static void CheckObservations(ReadOnlySpan<double> pairs, ReadOnlySpan<double> quads, long network)
    {
        if (AllFinite(pairs) && AllFinite(quads)) return;
        throw new InvalidInputException("--points",
            "must keep coordinates times random frequencies (1 / lengthScale, or cutoff), and the sigmas, small enough for finite conditional moments; scale them down",
            $"a non-finite moment in network {network}");
    }

    /// <summary>The highest power of the outputs in the G2 and G4 sums: products of four outputs, squared for the variance.</summary>
    public const int FourPointPower = 8;

    /// <summary>The highest power of the outputs in the G6 sums: products of six outputs, squared for the variance.</summary>
    public const int SixPointPower = 12;

    /// <summary>Every product sum of one block (outputs up to <paramref name="power"/>, one of the constants above) is finite.</summary>
    public static void CheckBlockSums(ReadOnlySpan<double> sums, long block, int power)
    {
        if (AllFinite(sums)) return;
        string name = power switch { FourPointPower => "eighth", SixPointPower => "twelfth", _ => $"{power}th" };
        // The largest output whose power still fits: double.MaxValue^(1/power), about 1e38 for the eighth.
        double largest = Math.Pow(10, Math.Floor(Math.Log10(double.MaxValue) / power));
        throw new InvalidInputException("sigmaV, sigmaA, sigmaB",
            $"must keep the {name} power of the network outputs (summed over a block of networks) inside the double range (about {largest:0e0} per output); scale them down",
            $"an overflow in block {block}");
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
            if (!double.IsFinite(v)) return false;
        return true;
    }

    private static string Show(double v) => v.ToString(CultureInfo.InvariantCulture);
}
