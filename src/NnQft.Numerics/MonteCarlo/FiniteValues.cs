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
                "give network outputs that overflow the double range: coordinates times random frequencies (1 / lengthScale, or cutoff) or the sigmas are too large; scale them down",
                $"{Show(phi[p])} at point {p} ({at}), network {network}");
        }
    }

    /// <summary>Every observation X2, X4 of one network is finite (the Rao-Blackwell path).</summary>
    public static void CheckObservations(ReadOnlySpan<double> pairs, ReadOnlySpan<double> quads, long network)
    {
        if (AllFinite(pairs) && AllFinite(quads)) return;
        throw new InvalidInputException("--points",
            "give conditional moments that overflow the double range: coordinates times random frequencies (1 / lengthScale, or cutoff) or the sigmas are too large; scale them down",
            $"network {network}");
    }

    /// <summary>Every product sum of one block (outputs up to the eighth power) is finite.</summary>
    public static void CheckBlockSums(ReadOnlySpan<double> sums, long block)
    {
        if (AllFinite(sums)) return;
        throw new InvalidInputException("sigmaV, sigmaA, sigmaB",
            "must keep the eighth power of the network outputs (summed over a block of networks) inside the double range (about 1e38 per output); scale them down",
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
