// SPDX-License-Identifier: MIT
using System.Text.Json;

namespace NnQft.Cli.Tests;

/// <summary>nnqft validate end to end (small sizes): z-table, report.json in the interface's shape, plots, exit codes.</summary>
public class ValidateCommandTests
{
    [Test]
    public void ValidateWritesReportAndPlotsAndPasses()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nnqft-validate-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, stdout, stderr) = CliProcess.Run("validate", "--out", dir, "--nets", "20000", "--aux-nets", "2000", "--samples", "20000");
            Assert.That(exit, Is.EqualTo(0), stderr + stdout);
            using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report.json")));
            Assert.That(report.RootElement.GetProperty("passed").GetBoolean(), Is.True);
            var rows = report.RootElement.GetProperty("rows");
            Assert.That(rows.GetArrayLength(), Is.EqualTo(36 + 330 + 3), "G2 pairs, G4c tuples and three G6c rows");
            var first = rows[0];
            foreach (var key in new[] { "quantity", "theory", "monteCarlo", "stderr", "z" })
                Assert.That(first.TryGetProperty(key, out _), Is.True, key);
            foreach (var png in new[] { "g2-r.png", "g4c-heads.png", "kurtosis.png", "g4c-parts-dv.png", "finite-width.png" })
            {
                var bytes = File.ReadAllBytes(Path.Combine(dir, png));
                Assert.That(bytes.Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }), png);
            }
            Assert.That(stdout, Does.Contain("PASSED"));

            // report.md: the verdict with the largest |z| of report.json, and every figure embedded with a sentence.
            string md = File.ReadAllText(Path.Combine(dir, "report.md")).Replace("\r\n", "\n");
            double maxAbsZ = report.RootElement.GetProperty("maxAbsZ").GetDouble();
            Assert.That(md, Does.Contain($"**Passed**: all {rows.GetArrayLength()} comparisons have |z| < 5; the largest is |z| = {maxAbsZ.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)}"));
            Assert.That(md, Does.Contain("## Architecture").And.Contain("## Method").And.Contain("## z-table summary"));
            foreach (var png in new[] { "g2-r.png", "g4c-heads.png", "kurtosis.png", "g4c-parts-dv.png", "finite-width.png" })
                Assert.That(md, Does.Match($@"!\[[^\]]+\]\({png.Replace(".", "\\.")}\)\n\n[A-Z][^\n]+\.\n"), png);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [TestCase("--nets", "1")]
    [TestCase("--samples", "0")]
    [TestCase("--threads", "0")]
    public void ValidateRejectsBadSizes(string option, string value)
    {
        var (exit, _, stderr) = CliProcess.Run("validate", option, value);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.Contain(option));
    }

    [Test]
    public void TheoryCommandWritesTheResultSchema()
    {
        var (exit, stdout, stderr) = CliProcess.Run("theory", "--samples", "2000");
        Assert.That(exit, Is.EqualTo(0), stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("method").GetString(), Does.Contain("D = d_k = inf"));
        Assert.That(root.GetProperty("g2").GetProperty("value").GetArrayLength(), Is.EqualTo(8));
        var g4 = root.GetProperty("g4");
        Assert.That(g4.GetArrayLength(), Is.EqualTo(330));
        foreach (var key in new[] { "index", "value", "stderr", "connected", "connectedStderr", "independenceBreaking", "finiteWidth" })
            Assert.That(g4[0].TryGetProperty(key, out _), Is.True, key);
    }
}
