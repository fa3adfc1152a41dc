// SPDX-License-Identifier: MIT
using System.Globalization;
using NnQft.Hybrid.Theory;
using NnQft.Model;

namespace NnQft.Hybrid.Action;

/// <summary>
/// The theory's G2 as a function of the distance r = |x - y| alone, tabulated on a uniform grid and interpolated by
/// local cubic (four-point Lagrange) polynomials. Every spectral density of the model is rotation invariant, so at
/// D = d_k = infinity G2 depends on r only (docs/theory.md section 3); the table's values are the theory evaluator's
/// own G2 along a ray. The coupling integrals of docs/theory.md section 10 evaluate G2 at millions of quadrature
/// nodes, which is affordable only through such a table.
/// </summary>
/// <example><code>
/// var g2 = RadialTwoPoint.FromTheory(Architecture.Default, maxRadius: 6.0);
/// double value = g2.At(0.37); // theory G2 at distance 0.37
/// </code></example>
public sealed class RadialTwoPoint
{
    // Table spacing as a fraction of the half-decay radius: the interpolation error is about (h/r_half)^4 times
    // the fourth derivative's scale, under 1e-8 relative for the smooth kernels (measured in RadialTwoPointTests).
    private const double SpacingPerHalfRadius = 1.0 / 48;
    private const int MaxNodes = 200_000;
    private readonly double[] values;
    private readonly double spacing;

    private RadialTwoPoint(double[] values, double spacing, DecayScales scales)
    {
        this.values = values;
        this.spacing = spacing;
        Scales = scales;
    }

    /// <summary>Where G2 falls to half its connected size and where it has decayed (see <see cref="DecayScales"/>).</summary>
    public DecayScales Scales { get; }

    /// <summary>The largest distance the table covers.</summary>
    public double MaxRadius => spacing * (values.Length - 1);

    /// <summary>
    /// The table of the theory G2 of <paramref name="architecture"/> (at D = d_k = infinity) on [0, maxRadius].
    /// </summary>
    /// <example><code>var g2 = RadialTwoPoint.FromTheory(Architecture.Default with { Tokens = 1 }, 4.0);</code></example>
    public static RadialTwoPoint FromTheory(Architecture architecture, double maxRadius) =>
        FromTheory(architecture.Validated(), maxRadius, DecayScales.Of(architecture));

    internal static RadialTwoPoint FromTheory(Architecture architecture, double maxRadius, DecayScales scales)
    {
        if (!(maxRadius > 0) || !double.IsFinite(maxRadius))
            throw new ArgumentOutOfRangeException(nameof(maxRadius), maxRadius, "must be a finite distance > 0");
        double h = scales.HalfRadius * SpacingPerHalfRadius;
        int nodes = (int)Math.Ceiling(maxRadius / h) + 4;
        if (nodes > MaxNodes)
            throw new InvalidInputException("--cutoff", $"the integration region reaches r = {maxRadius.ToString("G4", CultureInfo.InvariantCulture)}, more than {MaxNodes} table steps of G2's scale {h.ToString("G3", CultureInfo.InvariantCulture)}; use a smaller cutoff");
        return new RadialTwoPoint(AlongRay(architecture, Enumerable.Range(0, nodes).Select(i => i * h).ToArray()), h, scales);
    }

    /// <summary>G2 at distance <paramref name="r"/> (0 &lt;= r &lt;= <see cref="MaxRadius"/>).</summary>
    /// <example><code>double g = RadialTwoPoint.FromTheory(Architecture.Default, 2.0).At(1.5);</code></example>
    public double At(double r)
    {
        double u = r / spacing;
        int i = (int)u;
        if (i >= values.Length - 1)
        {
            if (r > MaxRadius * (1 + 1e-12)) throw new ArgumentOutOfRangeException(nameof(r), r, $"beyond the table's {MaxRadius}");
            return values[^1];
        }
        // Four-point Lagrange on nodes i-1..i+2, shifted inwards at the ends.
        int s = Math.Clamp(i - 1, 0, values.Length - 4);
        double t = u - s;
        double y0 = values[s], y1 = values[s + 1], y2 = values[s + 2], y3 = values[s + 3];
        double t1 = t - 1, t2 = t - 2, t3 = t - 3;
        return -y0 * t1 * t2 * t3 / 6 + y1 * t * t2 * t3 / 2 - y2 * t * t1 * t3 / 2 + y3 * t * t1 * t2 / 6;
    }

    /// <summary>The theory G2(0, r e_1) at every given distance, by the theory evaluator.</summary>
    internal static double[] AlongRay(Architecture architecture, IReadOnlyList<double> radii)
    {
        var rows = new List<IReadOnlyList<double>>(radii.Count + 1) { Ray(architecture.Dimension, 0) };
        rows.AddRange(radii.Select(r => Ray(architecture.Dimension, r)));
        return TheoryEvaluator.TwoPointFromFirst(architecture, PointSet.Of(rows)).Skip(1).ToArray();
    }

    private static double[] Ray(int dimension, double r)
    {
        var x = new double[dimension];
        x[0] = r;
        return x;
    }
}

/// <summary>
/// Length scales of the theory's G2(r), found on a geometric scan of r: <see cref="HalfRadius"/>, where the
/// connected part G2 - sigma_b^2 first falls to half its value at r = 0, and <see cref="DecayRadius"/>, beyond which
/// every scanned |G2 - sigma_b^2| stays under <see cref="DecayTolerance"/> of its value at 0 (infinite when the scan
/// to <see cref="ScanEnd"/> half-radii never gets there: a slowly decaying kernel).
/// </summary>
/// <param name="HalfRadius">First r with (G2(r) - s_b^2) &lt;= (G2(0) - s_b^2) / 2.</param>
/// <param name="DecayRadius">Smallest scanned r beyond which the connected G2 stays under the tolerance.</param>
/// <example><code>DecayScales s = DecayScales.Of(Architecture.Default); Console.WriteLine($"{s.HalfRadius} {s.DecayRadius}");</code></example>
public sealed record DecayScales(double HalfRadius, double DecayRadius)
{
    /// <summary>Relative size of G2 below which it counts as decayed (each of the four factors of a coupling integrand).</summary>
    public const double DecayTolerance = 1e-6;

    /// <summary>The scan runs to this many half-radii.</summary>
    public const double ScanEnd = 2000;

    /// <summary>The scales of the theory G2 of <paramref name="architecture"/>.</summary>
    /// <example><code>double h = DecayScales.Of(Architecture.Default with { Tokens = 1 }).HalfRadius;</code></example>
    public static DecayScales Of(Architecture architecture)
    {
        double floor = architecture.SigmaB * architecture.SigmaB;
        // Geometric scan from 1e-4 to 1e4 (ratio 2^(1/4)): 107 theory G2 values, a few milliseconds each.
        var radii = Enumerable.Range(0, 107).Select(k => 1e-4 * Math.Pow(2, k / 4.0)).ToArray();
        var g = RadialTwoPoint.AlongRay(architecture, [0.0, .. radii]);
        double top = g[0] - floor;
        if (!(top > 0))
            throw new InvalidInputException("sigmaA, sigmaV", "must make G2(x, x) - sigmaB^2 positive: a field without fluctuations has no action");
        int half = Array.FindIndex(g, 1, v => v - floor <= top / 2);
        if (half < 0)
            throw new InvalidInputException("token", $"G2 must fall to half its size within r = {radii[^1]}");
        double halfRadius = radii[half - 1];
        int last = Array.FindLastIndex(g, v => Math.Abs(v - floor) > DecayTolerance * top);
        double decay = last + 1 < g.Length && radii[last] <= ScanEnd * halfRadius ? radii[last] : double.PositiveInfinity;
        return new DecayScales(halfRadius, decay);
    }
}
