// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Numerics.Kernels;

namespace NnQft.Numerics.Tests;

/// <summary>Kernels against elementary special cases, limits and independent representations.</summary>
public class KernelClosedFormTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void MaternWithOneDegreeOfFreedomIsTheCauchyKernel(int d)
    {
        var matern = KernelEvaluator.For(new MaternDensity(1, 0.7), d);
        var cauchy = KernelEvaluator.For(new CauchyDensity(0.7), d);
        foreach (var r in new[] { 0.0, 1e-9, 0.1, 0.7, 3.0, 50.0 })
            Assert.That(matern.Value(r), Is.EqualTo(cauchy.Value(r)).Within(1e-14), $"r={r}");
    }

    [TestCase(3.0)]
    [TestCase(5.0)]
    public void MaternHalfIntegerSmoothnessIsElementary(double nu)
    {
        var k = KernelEvaluator.For(new MaternDensity(nu, 0.5), 2);
        foreach (var r in new[] { 1e-6, 0.05, 0.5, 1.3, 4.0, 20.0 })
        {
            double x = Math.Sqrt(nu) * r / 0.5;
            double expected = nu == 3 ? (1 + x) * Math.Exp(-x) : (1 + x + x * x / 3) * Math.Exp(-x);
            Assert.That(k.Value(r), Is.EqualTo(expected).Within(1e-13 + 1e-12 * expected), $"r={r}");
        }
    }

    [TestCase(0.1)]
    [TestCase(0.5)]
    [TestCase(2.0)]
    [TestCase(7.0)]
    [TestCase(60.0)]
    public void MaternIsFiniteFromZeroToHugeDistances(double nu)
    {
        var k = KernelEvaluator.For(new MaternDensity(nu, 1.0), 3);
        Assert.That(k.Value(0), Is.EqualTo(1.0));
        double previous = 1.0;
        foreach (var r in new[] { 1e-300, 1e-100, 1e-12, 1e-3, 0.5, 3, 30, 1e3, 1e6, 1e300 })
        {
            double v = k.Value(r);
            Assert.That(double.IsFinite(v) && v >= 0 && v <= 1, Is.True, $"r={r}: {v}");
            Assert.That(v, Is.LessThanOrEqualTo(previous + 1e-15), $"monotone at r={r}");
            previous = v;
        }
    }

    [Test]
    public void BallKernelInOddDimensionsIsElementary()
    {
        const double cutoff = 2.5;
        var one = KernelEvaluator.For(new BallDensity(cutoff), 1);
        var three = KernelEvaluator.For(new BallDensity(cutoff), 3);
        foreach (var r in new[] { 1e-8, 0.01, 0.3, 1.0, 1.59, 1.61, 7.0, 400.0 })
        {
            double x = cutoff * r;
            Assert.That(one.Value(r), Is.EqualTo(Math.Sin(x) / x).Within(1e-14), $"d=1 r={r}");
            double exact3 = x < 1e-3 ? 1 - x * x / 10 : 3 * (Math.Sin(x) - x * Math.Cos(x)) / (x * x * x);
            Assert.That(three.Value(r), Is.EqualTo(exact3).Within(1e-12), $"d=3 r={r}");
        }
        Assert.That(three.Value(0), Is.EqualTo(1.0));
    }

    [TestCase(2)]
    [TestCase(4)]
    [TestCase(6)]
    public void BallKernelInEvenDimensionsMatchesBesselIntegralRepresentation(int d)
    {
        // J_n(x) = (1/pi) int_0^pi cos(n t - x sin t) dt, by the trapezoid rule (spectrally exact for periodic integrands).
        static double BesselJ(int n, double x)
        {
            const int m = 4000;
            double s = 0;
            for (int i = 0; i <= m; i++)
            {
                double t = Math.PI * i / m;
                s += (i == 0 || i == m ? 0.5 : 1) * Math.Cos(n * t - x * Math.Sin(t));
            }
            return s / m;
        }
        const double cutoff = 1.7;
        var k = KernelEvaluator.For(new BallDensity(cutoff), d);
        int order = d / 2;
        double gamma = MathNet.Numerics.SpecialFunctions.Factorial(order);
        foreach (var r in new[] { 0.2, 1.0, 2.3529, 2.36, 5.0, 31.0 })
        {
            double x = cutoff * r;
            double expected = gamma * Math.Pow(2 / x, order) * BesselJ(order, x);
            Assert.That(k.Value(r), Is.EqualTo(expected).Within(1e-11), $"d={d} r={r}");
        }
    }

    [TestCase(1.0)]
    [TestCase(2.0)]
    [TestCase(2.5)]
    public void NormalizedBesselSeriesJoinsTheGeneralEvaluationContinuously(double nu)
    {
        double edge = NormalizedBesselJ.SeriesLimit;
        double series = NormalizedBesselJ.Series(nu, edge);
        double general = Math.Exp(MathNet.Numerics.SpecialFunctions.GammaLn(nu + 1) + nu * Math.Log(2 / edge))
                         * MathNet.Numerics.SpecialFunctions.BesselJ(nu, edge);
        Assert.That(series, Is.EqualTo(general).Within(1e-13));
    }

    [Test]
    public void GaussianKernelIsDimensionFree()
    {
        foreach (int d in new[] { 1, 2, 3, 7 })
        {
            var k = KernelEvaluator.For(new GaussianDensity(0.7), d);
            Assert.That(k.Value(1.1), Is.EqualTo(Math.Exp(-1.21 / (2 * 0.49))).Within(1e-15));
        }
    }

    [Test]
    public void ConstantQueryKernelIsOne()
    {
        var k = KernelEvaluator.Query(ConstantEmbedding.Instance, 2);
        Assert.That(k.Value(3.0), Is.EqualTo(1.0));
    }

    [Test]
    public void RejectsBadParametersNamingTheField()
    {
        var e = Assert.Throws<InvalidInputException>(() => KernelEvaluator.For(new MaternDensity(0, 1), 2));
        Assert.That(e!.Message, Does.Contain("nu"));
        e = Assert.Throws<InvalidInputException>(() => KernelEvaluator.For(new GaussianDensity(1), 0));
        Assert.That(e!.Message, Does.Contain("dimension"));
        e = Assert.Throws<InvalidInputException>(() => KernelEvaluator.For(new FreeScalarDensity(10, 0), 2));
        Assert.That(e!.Message, Does.Contain("mass"));
    }
}
