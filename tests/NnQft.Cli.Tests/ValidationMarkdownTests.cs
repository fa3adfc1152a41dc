// SPDX-License-Identifier: MIT
using NnQft.Hybrid.Validation;
using NnQft.Model;
using NnQft.Numerics.Results;

namespace NnQft.Cli.Tests;

/// <summary>report.md of validate from a made-up outcome: verdict, architecture, method, z summary, figures.</summary>
public sealed class ValidationMarkdownTests
{
    private static readonly Figure G2Figure = new("g2-r.png", "G_2(r)", "r", "G_2(r)", [], [], Caption: "The points lie on the curve.");

    private static string Markdown(params ValidationRow[] rows)
    {
        var empty = new CorrelatorResult("exact", 1000, 0.1, [[0.0, 0.0]], new G2Table([[1.0]], [[0.0]]), []);
        var outcome = new ValidationOutcome(new ValidationReport(rows, "theory"), empty with { Method = "theory at D = d_k = inf" }, empty, [G2Figure]);
        return ValidationMarkdown.Write(Architecture.Default, PointSet.Default, new ValidationOptions(Networks: 1000), outcome).Replace("\r\n", "\n");
    }

    [Test]
    public void PassingReportStatesTheLargestZAndWhereItIs()
    {
        string md = Markdown(ValidationRow.Compare("G2(0,1)", 0.41, 0, 0.409, 0.002), ValidationRow.Compare("G4c(0,0,1,1)", 0.1, 0, 0.104, 0.001));
        Assert.That(md, Does.StartWith("# Validation: theory against Monte Carlo"));
        Assert.That(md, Does.Contain("**Passed**: all 2 comparisons have |z| < 5; the largest is |z| = 4.00 at G4c(0,0,1,1)."));
        Assert.That(md, Does.Contain("## Architecture").And.Contain("| 2 | 4 | 1 | 256 | 256 | 256 |").And.Contain("Gaussian spectral density, length scale 0.7 (tokens 1, 2, 3, 4)"));
        Assert.That(md, Does.Contain("## Method").And.Contain("theory at D = d_k = inf").And.Contain("1000 random networks"));
        // One |z| below 1 (0.5), one between 3 and 5 (4.0).
        Assert.That(md, Does.Contain("| 1 | 0 | 0 | 1 | 0 |"));
        Assert.That(md, Does.Contain("| G4c(0,0,1,1) | 0.1 | 0.104 | 0.001 | -4.00 |"));
        Assert.That(md, Does.Contain("![G_2(r)](g2-r.png)\n\nThe points lie on the curve."));
    }

    [Test]
    public void FailingReportSaysSoAndMarksTheFailingRow()
    {
        string md = Markdown(ValidationRow.Compare("G2(0,1)", 0.41, 0, 0.50, 0.002));
        Assert.That(md, Does.Contain("**Failed**: 1 of 1 comparisons have |z| >= 5; the largest is |z| = 45.00 at G2(0,1)."));
        Assert.That(md, Does.Contain("| **-45.00** |"));
    }
}
