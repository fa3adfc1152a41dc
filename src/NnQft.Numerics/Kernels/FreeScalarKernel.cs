// SPDX-License-Identifier: MIT
using MathNet.Numerics;

namespace NnQft.Numerics.Kernels;

/// <summary>
/// The free massive scalar propagator with a momentum cutoff, k(r) = int_{|p| &lt; L} d^dp / (2 pi)^d
/// e^{i p.r} / (p^2 + m^2), from the uniform-ball density with amplitude g(w)^2 = vol(B_L) / ((2 pi)^d (w^2 + m^2)).
/// The angular integral leaves the radial form
/// k(r) = 2 / ((4 pi)^{d/2} Gamma(d/2)) int_0^L p^{d-1} Lambda_{d/2-1}(p r) / (p^2 + m^2) dp,
/// evaluated by composite 20-point Gauss-Legendre on panels no wider than half an oscillation period, no wider than
/// the distance to the poles +-i m near p = 0. k(0) != 1: it is the total amplitude.
/// </summary>
/// <example><code>double k = new FreeScalarKernel(cutoff: 20, mass: 1, dimension: 2).Value(0.5);</code></example>
public sealed class FreeScalarKernel : RadialKernel
{
    private readonly double _order;
    private readonly double _prefactor;
    private readonly int _power;

    /// <summary>The cutoff propagator for cutoff <paramref name="cutoff"/> and mass <paramref name="mass"/>.</summary>
    /// <example><code>RadialKernel k = new FreeScalarKernel(20, 1, 3); double total = k.AtZero; // the total amplitude</code></example>
    public FreeScalarKernel(double cutoff, double mass, int dimension) : base(dimension)
    {
        Cutoff = cutoff;
        Mass = mass;
        _order = 0.5 * dimension - 1.0;
        _power = dimension - 1;
        _prefactor = 2.0 / (Math.Pow(4.0 * Math.PI, 0.5 * dimension) * SpecialFunctions.Gamma(0.5 * dimension));
    }

    /// <summary>The momentum cutoff L.</summary>
    public double Cutoff { get; }

    /// <summary>The mass m.</summary>
    public double Mass { get; }

    /// <summary>
    /// Largest cutoff times distance evaluated: the quadrature takes about L r / pi panels, so beyond this one value
    /// would take minutes. Larger L r is refused (bad input) rather than left to run.
    /// </summary>
    /// <example><code>bool ok = 8.0 * 3.0 &lt;= FreeScalarKernel.MaxCutoffTimesDistance;</code></example>
    public const double MaxCutoffTimesDistance = 1e5;

    /// <inheritdoc />
    public override double Value(double r)
    {
        r = Math.Abs(r);
        if (!(Cutoff * r <= MaxCutoffTimesDistance))
            throw new Model.InvalidInputException("cutoff",
                $"of the freeScalar family times the distance between two points must be at most {MaxCutoffTimesDistance:G} (the reach of its quadrature)",
                $"cutoff {Cutoff:R} at distance {r:R}");
        var rule = GaussLegendreNodes.Twenty;
        var state = (Kernel: this, R: r);
        double halfPeriod = r > 0 ? Math.PI / r : double.PositiveInfinity;
        // Near p = 0 the poles +-i m of 1/(p^2 + m^2) limit the panel width; from p ~ m on, width p is safe.
        double floor = Mass > 0 ? 0.5 * Mass : Cutoff;
        double sum = 0, a = 0;
        while (a < Cutoff)
        {
            double width = Math.Min(halfPeriod, Math.Max(a, floor));
            double b = Math.Min(Cutoff, a + width);
            if (Cutoff - b < 1e-12 * Cutoff) b = Cutoff;
            sum += rule.Integrate(a, b, state, static (s, p) => s.Kernel.Integrand(p, s.R));
            a = b;
        }
        return _prefactor * sum;
    }

    private double Integrand(double p, double r)
    {
        double radial = _power switch { 0 => 1.0, 1 => p, 2 => p * p, _ => Math.Pow(p, _power) };
        return radial * NormalizedBesselJ.Value(_order, p * r) / (p * p + Mass * Mass);
    }
}
