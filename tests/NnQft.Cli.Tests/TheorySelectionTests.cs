// SPDX-License-Identifier: MIT
using NnQft.Hybrid.Theory;
using NnQft.Model;

namespace NnQft.Cli.Tests;

/// <summary>
/// theory --g4: the tuples asked for, from the same logit samples; and its batch-means standard errors measure the
/// real spread of the estimates over seeds.
/// </summary>
public class TheorySelectionTests
{
    private static readonly PointSet Four = PointSet.Of([[0.0, 0.0], [0.5, 0.0], [0.3, 0.8], [-0.4, 0.2]]);

    [Test]
    public void ListedTuplesEqualTheirRowsOfTheFullRun()
    {
        var all = TheoryEvaluator.Evaluate(Architecture.Default, Four, new TheoryOptions(3_000, 5));
        int[][] asked = [[3, 1, 0, 2], [0, 0, 1, 1], [2, 2, 2, 3]];
        var listed = TheoryEvaluator.Evaluate(Architecture.Default, Four,
            new TheoryOptions(3_000, 5) { G4 = TupleSelection.Of(asked, 4, Four.Count) });
        Assert.That(listed.G4.Select(e => string.Join(",", e.Index)), Is.EqualTo(new[] { "0,0,1,1", "0,1,2,3", "2,2,2,3" }));
        foreach (var e in listed.G4)
        {
            var row = all.G4.Single(a => a.Index.SequenceEqual(e.Index));
            // Every moment entry is estimated on its own from the same samples, whatever else is asked for.
            Assert.That(e, Is.EqualTo(row with { Index = e.Index }));
        }
        Assert.That(listed.G2.Value[1][2], Is.EqualTo(all.G2.Value[1][2]));
        var none = TheoryEvaluator.Evaluate(Architecture.Default, Four, new TheoryOptions(3_000, 5) { G4 = TupleSelection.None(4) });
        Assert.That(none.G4, Is.Empty);
        Assert.That(none.G2.Value[0][3], Is.EqualTo(all.G2.Value[0][3]));
    }

    [Test]
    public void StandardErrorsMatchTheSpreadOverSeeds()
    {
        // 24 independent runs of 2,000 samples: the sample standard deviation of a G4c estimate over the runs should equal
        // the mean reported standard error. With 24 runs the spread itself is known to about 15 percent (one sigma), so
        // a ratio outside [0.6, 1.6] is a real miscalibration (an error that ignores a factor sqrt(B) would be off by 10).
        var arch = Architecture.Default with { SigmaQ = 1.5 };
        var runs = Enumerable.Range(0, 24).Select(seed => TheoryEvaluator.Evaluate(arch, Four, new TheoryOptions(2_000, (ulong)(100 + seed)))).ToList();
        foreach (int tuple in new[] { 5, 20, 34 })
        {
            var values = runs.Select(r => r.G4[tuple].Connected).ToArray();
            double mean = values.Average();
            double spread = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
            double reported = runs.Average(r => r.G4[tuple].ConnectedStderr);
            Assert.That(spread / reported, Is.InRange(0.6, 1.6), $"tuple {string.Join(",", runs[0].G4[tuple].Index)}: spread {spread}, reported {reported}");
        }
    }

    [Test]
    public void RefusesASelectionThatCannotFitInMemory()
    {
        var many = PointSet.Of(Enumerable.Range(0, 2_000).Select(i => (IReadOnlyList<double>)[i * 1e-3, 0.0]).ToArray());
        // C(2003, 4) = 6.7e11 tuples: refused at once, naming the option, before any quadrature.
        var e = Assert.Throws<InvalidInputException>(() => TheoryEvaluator.Evaluate(Architecture.Default, many, new TheoryOptions(2)))!;
        Assert.That(e.Message, Does.Contain("G4"));
    }

    [Test]
    public void TheoryCommandTakesTheG4Option()
    {
        var (exit, stdout, _) = CliProcess.Run("theory", "--samples", "2", "--g4", "none");
        Assert.That(exit, Is.EqualTo(0));
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.That(json.RootElement.GetProperty("g4").GetArrayLength(), Is.Zero);
        Assert.That(json.RootElement.GetProperty("g2").GetProperty("value").GetArrayLength(), Is.EqualTo(8));
        var (bad, _, stderr) = CliProcess.Run("theory", "--samples", "2", "--g4", "/nonexistent/tuples.csv");
        Assert.That(bad, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("--g4"));
    }
}
