// SPDX-License-Identifier: MIT
using MathNet.Numerics;
using MathNet.Numerics.Integration;
using NnQft.Model;
using NnQft.Numerics.Kernels;
using NnQft.Numerics.Randomness;
using NnQft.Numerics.Spectral;

namespace NnQft.Numerics.Tests;

/// <summary>
/// Kernels against direct numerical Fourier integration of their spectral densities (written out here from the
/// densities, not from the kernels) and against the Monte Carlo average of g(w)^2 cos(w . r).
/// </summary>
public class KernelFourierTests
{
    // int_0^R f, composite 20-point Gauss-Legendre on panels of width <= min(period/2, 0.5).
    private static double Radial(Func<double, double> f, double upper, double r)
    {
        double width = Math.Min(0.5, r > 0 ? Math.PI / r : 0.5);
        int panels = (int)Math.Ceiling(upper / width);
        double sum = 0;
        for (int i = 0; i < panels; i++) sum += GaussLegendreRule.Integrate(f, i * upper / panels, (i + 1) * upper / panels, 20);
        return sum;
    }

    private static double SphereArea(int d) => 2 * Math.Pow(Math.PI, d / 2.0) / SpecialFunctions.Gamma(d / 2.0);

    // Student-t density in d dimensions with nu degrees of freedom and scale 1/l, as a function of |w|.
    private static Func<double, double> StudentT(double nu, double l, int d) => w =>
        Math.Exp(SpecialFunctions.GammaLn((nu + d) / 2) - SpecialFunctions.GammaLn(nu / 2))
        / Math.Pow(nu * Math.PI, d / 2.0) * Math.Pow(l, d)
        * Math.Pow(1 + w * w * l * l / nu, -(nu + d) / 2);

    [TestCase(1, 3.0)]
    [TestCase(3, 3.0)]
    [TestCase(1, 5.0)]
    [TestCase(3, 6.0)]
    public void MaternIsTheFourierTransformOfStudentT(int d, double nu)
    {
        const double l = 0.8;
        var density = StudentT(nu, l, d);
        var k = KernelEvaluator.For(new MaternDensity(nu, l), d);
        foreach (var r in new[] { 0.3, 1.0, 2.5 })
        {
            // d = 1: 2 int_0^inf p cos(w r); d = 3: 4 pi int_0^inf w^2 p sin(w r) / (w r). Tails ~ R^-nu are cut at 4000.
            double direct = d == 1
                ? 2 * Radial(w => density(w) * Math.Cos(w * r), 4000, r)
                : 4 * Math.PI * Radial(w => w * density(w) * Math.Sin(w * r) / r, 4000, r);
            Assert.That(k.Value(r), Is.EqualTo(direct).Within(2e-7), $"d={d} nu={nu} r={r}");
        }
    }

    [Test]
    public void MaternInTwoDimensionsIsTheHankelTransformOfStudentT()
    {
        const double nu = 4, l = 1.2;
        var density = StudentT(nu, l, 2);
        var k = KernelEvaluator.For(new MaternDensity(nu, l), 2);
        foreach (var r in new[] { 0.4, 1.5 })
        {
            // 2 pi int_0^inf w p(w) J_0(w r) dw with J_0(x) = (1/pi) int_0^pi cos(x sin t) dt, done by 64-point trapezoid.
            double J0(double x)
            {
                double s = 0;
                for (int i = 0; i <= 64; i++) s += (i == 0 || i == 64 ? 0.5 : 1) * Math.Cos(x * Math.Sin(Math.PI * i / 64));
                return s / 64;
            }
            double direct = 2 * Math.PI * Radial(w => w * density(w) * J0(w * r), 300, r);
            Assert.That(k.Value(r), Is.EqualTo(direct).Within(2e-7), $"r={r}");
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void FreeScalarAtZeroIsTheRadialIntegralOfThePropagator(int d)
    {
        const double cutoff = 6, mass = 1.3;
        var k = KernelEvaluator.For(new FreeScalarDensity(cutoff, mass), d);
        double m2 = mass * mass, ratio = cutoff * cutoff / m2;
        double radial = d switch
        {
            1 => Math.Atan(cutoff / mass) / mass,
            2 => 0.5 * Math.Log(1 + ratio),
            3 => cutoff - mass * Math.Atan(cutoff / mass),
            _ => 0.5 * cutoff * cutoff - 0.5 * m2 * Math.Log(1 + ratio),
        };
        double expected = SphereArea(d) / Math.Pow(2 * Math.PI, d) * radial;
        Assert.That(k.Value(0), Is.EqualTo(expected).Within(1e-13 * expected));
    }

    [Test]
    public void FreeScalarInTwoDimensionsMatchesThePolarIntegral()
    {
        const double cutoff = 9, mass = 0.7;
        var k = KernelEvaluator.For(new FreeScalarDensity(cutoff, mass), 2);
        foreach (var r in new[] { 0.25, 1.0, 3.3 })
        {
            // int_0^L rho / (rho^2 + m^2) [ (1/(2 pi)^2) int_0^{2 pi} cos(rho r cos t) dt ] d rho; the angle by trapezoid.
            double Angular(double rho)
            {
                const int m = 128;
                double s = 0;
                for (int i = 0; i < m; i++) s += Math.Cos(rho * r * Math.Cos(2 * Math.PI * i / m));
                return s * 2 * Math.PI / m / (4 * Math.PI * Math.PI);
            }
            double direct = Radial(rho => rho / (rho * rho + mass * mass) * Angular(rho), cutoff, r);
            Assert.That(k.Value(r), Is.EqualTo(direct).Within(1e-11), $"r={r}");
        }
    }

    [TestCase(1)]
    [TestCase(3)]
    public void FreeScalarTendsToTheContinuumPropagatorAtLargeCutoff(int d)
    {
        const double mass = 0.8, cutoff = 2000;
        var k = KernelEvaluator.For(new FreeScalarDensity(cutoff, mass), d);
        foreach (var r in new[] { 0.5, 1.0, 2.0 })
        {
            double limit = d == 1 ? Math.Exp(-mass * r) / (2 * mass) : Math.Exp(-mass * r) / (4 * Math.PI * r);
            // The dropped tail int_L^inf g(p) trig(p r) dp with g decreasing is bounded by 2 g(L) / r
            // (g = 1/(p^2+m^2) with prefactor 1/pi in d = 1; g = p/(p^2+m^2) with 1/(2 pi^2 r) in d = 3).
            double bound = d == 1
                ? 2 / (Math.PI * r * (cutoff * cutoff + mass * mass))
                : 2 * cutoff / ((cutoff * cutoff + mass * mass) * r) / (2 * Math.PI * Math.PI * r);
            Assert.That(k.Value(r), Is.EqualTo(limit).Within(bound + 1e-12), $"d={d} r={r}");
        }
    }

    [TestCase("gaussian", 1)]
    [TestCase("gaussian", 3)]
    [TestCase("matern", 1)]
    [TestCase("matern", 2)]
    [TestCase("matern", 3)]
    [TestCase("cauchy", 2)]
    [TestCase("ball", 1)]
    [TestCase("ball", 2)]
    [TestCase("ball", 3)]
    [TestCase("ball", 4)]
    [TestCase("freeScalar", 1)]
    [TestCase("freeScalar", 2)]
    [TestCase("freeScalar", 3)]
    public void KernelIsTheMonteCarloAverageOfItsRandomFeatures(string family, int d)
    {
        SpectralDensity density = family switch
        {
            "gaussian" => new GaussianDensity(0.7),
            "matern" => new MaternDensity(3, 0.6),
            "cauchy" => new CauchyDensity(0.9),
            "ball" => new BallDensity(3.0),
            _ => new FreeScalarDensity(5.0, 1.0),
        };
        var k = KernelEvaluator.For(density, d);
        var sampler = SpectralSamplers.For(density, d);
        var random = new NetworkRandom(20261128, d);
        var w = new double[d];
        double[] distances = [0.0, 0.4, 1.1];
        var sums = new double[distances.Length];
        var squares = new double[distances.Length];
        const int n = 100_000;
        for (int s = 0; s < n; s++)
        {
            double g = sampler.Sample(random, w);
            for (int i = 0; i < distances.Length; i++)
            {
                double v = g * g * Math.Cos(w[0] * distances[i]);
                sums[i] += v;
                squares[i] += v * v;
            }
        }
        for (int i = 0; i < distances.Length; i++)
        {
            double mean = sums[i] / n, se = Math.Sqrt(Math.Max(squares[i] / n - mean * mean, 0) / n);
            double z = (mean - k.Value(distances[i])) / Math.Max(se, 1e-300);
            if (se == 0) Assert.That(mean, Is.EqualTo(k.Value(distances[i])).Within(1e-12));
            else Assert.That(Math.Abs(z), Is.LessThan(5), $"{family} d={d} r={distances[i]}: mc {mean} +- {se}, kernel {k.Value(distances[i])}");
        }
    }
}
