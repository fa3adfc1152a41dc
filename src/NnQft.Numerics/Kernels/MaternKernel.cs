// SPDX-License-Identifier: MIT
using MathNet.Numerics;

namespace NnQft.Numerics.Kernels;

/// <summary>
/// Student-t frequencies with nu degrees of freedom and scale 1/l: the Matern kernel of smoothness a = nu/2,
/// k(r) = 2^{1-a} / Gamma(a) x^a K_a(x), x = sqrt(nu) r / l, the same in every dimension.
/// </summary>
/// <example><code>double k = new MaternKernel(nu: 3, lengthScale: 0.5, dimension: 2).Value(0.0); // 1</code></example>
public sealed class MaternKernel : RadialKernel
{
    private readonly double _order;
    private readonly double _argumentScale;
    private readonly double _logPrefactor;

    /// <summary>The Matern kernel for <paramref name="nu"/> degrees of freedom and length scale <paramref name="lengthScale"/>.</summary>
    /// <example><code>RadialKernel k = new MaternKernel(3, 0.5, 2);</code></example>
    public MaternKernel(double nu, double lengthScale, int dimension) : base(dimension)
    {
        Nu = nu;
        LengthScale = lengthScale;
        _order = 0.5 * nu;
        _argumentScale = Math.Sqrt(nu) / lengthScale;
        _logPrefactor = (1 - _order) * Math.Log(2.0) - SpecialFunctions.GammaLn(_order);
    }

    /// <summary>Degrees of freedom of the Student-t density (twice the Matern smoothness).</summary>
    /// <example><code>double nu = new MaternKernel(3, 0.5, 2).Nu; // 3</code></example>
    public double Nu { get; }

    /// <summary>The length scale l.</summary>
    /// <example><code>double l = new MaternKernel(3, 0.5, 2).LengthScale; // 0.5</code></example>
    public double LengthScale { get; }

    /// <inheritdoc />
    public override double Value(double r)
    {
        double x = Math.Abs(r) * _argumentScale;
        if (x == 0) return 1.0;
        if (_order == 0.5) return Math.Exp(-x);
        // x^a K_a(x) -> Gamma(a) 2^{a-1} as x -> 0; where x^-a would overflow the deviation from 1 is below
        // x^{min(2a, 2)}, astronomically small, so the limit is exact in double precision.
        if (_order * Math.Log(2.0 / x) > 600) return 1.0;
        // Far beyond the length scale k is below e^-700 whatever the order: exactly 0 in double precision (the
        // Bessel routine itself fails near x ~ 1e300).
        if (x > 1e4 && x - (_order + 0.5) * Math.Log(x) + _logPrefactor > 800) return 0.0;
        // Work in logs with the exponentially scaled K: no overflow at small x, no 0 * inf at large x.
        double scaled = SpecialFunctions.BesselKScaled(_order, x);
        double log = _logPrefactor + _order * Math.Log(x) + Math.Log(scaled) - x;
        return Math.Min(1.0, Math.Exp(log));
    }
}
