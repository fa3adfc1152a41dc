// SPDX-License-Identifier: MIT
using NnQft.Hybrid.Kernels;
using NnQft.Model;
using NnQft.Numerics.Kernels;
using NnQft.Symbolic;

namespace NnQft.Hybrid.Tests;

/// <summary>The symbolic closed forms evaluate to the numeric kernels (two independent codings of section 7).</summary>
public class KernelExpressionTests
{
    private static readonly object[] Cases =
    [
        new object[] { new GaussianDensity(0.7), 2, new Dictionary<string, double> { ["l"] = 0.7 } },
        new object[] { new CauchyDensity(1.3), 3, new Dictionary<string, double> { ["l"] = 1.3 } },
        new object[] { new MaternDensity(3, 0.5), 2, new Dictionary<string, double> { ["l"] = 0.5, ["nu"] = 3 } },
        new object[] { new MaternDensity(0.8, 2.0), 1, new Dictionary<string, double> { ["l"] = 2.0, ["nu"] = 0.8 } },
        new object[] { new BallDensity(2.5), 1, new Dictionary<string, double> { ["L"] = 2.5 } },
        new object[] { new BallDensity(2.5), 2, new Dictionary<string, double> { ["L"] = 2.5 } },
        new object[] { new BallDensity(1.5), 5, new Dictionary<string, double> { ["L"] = 1.5 } },
    ];

    [TestCaseSource(nameof(Cases))]
    public void ExpressionEvaluatesToTheNumericKernel(SpectralDensity density, int d, Dictionary<string, double> parameters)
    {
        var expr = KernelExpressions.For(density, d);
        var kernel = KernelEvaluator.For(density, d);
        foreach (var r in new[] { 0.3, 1.0, 2.7 })
        {
            var env = EvaluationEnvironment.OfSymbols(new Dictionary<string, double>(parameters) { ["r"] = r, ["pi"] = Math.PI });
            double symbolic = Evaluator.Evaluate(expr, env);
            Assert.That(symbolic, Is.EqualTo(kernel.Value(r)).Within(1e-12), $"r={r}: {TextPrinter.Print(expr)}");
        }
    }

    [Test]
    public void FreeScalarHasNoClosedForm()
    {
        Assert.That(KernelExpressions.HasClosedForm(new FreeScalarDensity(10, 1)), Is.False);
        Assert.Throws<InvalidInputException>(() => KernelExpressions.For(new FreeScalarDensity(10, 1), 3));
    }

    [Test]
    public void GaussianLatexIsStable() =>
        Assert.That(LatexPrinter.Print(KernelExpressions.For(new GaussianDensity(1), 2)), Is.EqualTo(@"\exp\left(-\frac{r^{2}}{2 l^{2}}\right)"));
}
