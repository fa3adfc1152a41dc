// SPDX-License-Identifier: MIT
using MathNet.Numerics;
using NnQft.Numerics.Kernels;

namespace NnQft.Numerics.Tests;

/// <summary>
/// The normalised Bessel function far out (huge cutoff times distance, where the general routine returns NaN) by the
/// Hankel expansion: equal to the general routine where both work, and finite and tiny where only it does.
/// </summary>
public class BesselFarOutTests
{
    [TestCase(0.0, 3e4)]
    [TestCase(1.0, 5e4)]
    [TestCase(2.5, 2e5)]
    public void HankelBranchEqualsTheGeneralRoutineJustBeyondItsLimit(double nu, double x)
    {
        double general = Math.Exp(SpecialFunctions.GammaLn(nu + 1) + nu * Math.Log(2.0 / x)) * SpecialFunctions.BesselJ(nu, x);
        double value = NormalizedBesselJ.Value(nu, x);
        double envelope = Math.Exp(SpecialFunctions.GammaLn(nu + 1) + nu * Math.Log(2.0 / x)) * Math.Sqrt(2 / (Math.PI * x));
        Assert.That(Math.Abs(value - general), Is.LessThan(1e-7 * envelope), $"Lambda_{nu}({x}): {value} vs {general}");
    }

    [Test]
    public void BallKernelIsFiniteAtAHugeCutoffTimesDistance()
    {
        foreach (int d in new[] { 1, 2, 3, 5 })
        {
            double k = new BallKernel(1e12, d).Value(0.5);
            Assert.That(double.IsFinite(k) && Math.Abs(k) < 1e-8, Is.True, $"d = {d}: {k}");
        }
    }
}
