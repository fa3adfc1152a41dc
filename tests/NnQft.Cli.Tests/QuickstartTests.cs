// SPDX-License-Identifier: MIT
using NnQft.Hybrid.Theory;
using NnQft.Model;
using NnQft.Numerics.MonteCarlo;
using NnQft.Symbolic;

namespace NnQft.Cli.Tests;

/// <summary>
/// The C# quickstart of README.md: the code between the markers is the README block (the F# test project checks the
/// text), and this test runs it and checks its numbers.
/// </summary>
public sealed class QuickstartTests
{
    [Test]
    public void CSharpQuickstartRunsAndTheoryAgreesWithMonteCarloWithinFiveStandardErrors()
    {
        // quickstart-csharp-begin
        var arch = (Architecture.Default with
        {
            Features = Width.Infinite, KeyWidth = Width.Infinite, Tokens = 2,
        }).Validated();

        var g4c = Derive.Correlator(arch, order: 4, connected: true);
        var points = PointSet.Of([[0.0, 0.0], [0.5, 0.0]]);
        var theory = TheoryEvaluator.TwoPoint(arch, points);
        var sampled = MonteCarloSampler.Sample(new SampleOptions(arch, points) { Networks = 4000, Seed = 1 }).Result;
        Console.WriteLine($"G4c = {LatexPrinter.Print(g4c.Value)}");
        Console.WriteLine($"G2(x1, x2): theory {theory[0][1]:F4}, Monte Carlo {sampled.G2.Value[0][1]:F4} +- {sampled.G2.Stderr[0][1]:F4}");
        // quickstart-csharp-end
        var z = (sampled.G2.Value[0][1] - theory[0][1]) / sampled.G2.Stderr[0][1];
        Assert.That(Math.Abs(z), Is.LessThan(5.0), $"z = {z}");
    }
}
