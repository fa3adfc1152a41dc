// SPDX-License-Identifier: MIT
using System.Text.Json;

namespace NnQft.Cli.Tests.Action;

/// <summary><c>nnqft action</c> as a process: the JSON keys of docs/cli.md section 5, --from, --cutoff, text, figures and bad input.</summary>
public class ActionCommandTests
{
    private string dir = "";

    [OneTimeSetUp]
    public void SetUp()
    {
        dir = Path.Combine(Path.GetTempPath(), "nnqft-action-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(F("three.csv"), "0,0\n0.5,0\n0.3,0.8\n");
        File.WriteAllText(F("limit.json"), "{ \"features\": \"inf\", \"keyWidth\": \"inf\" }");
        File.WriteAllText(F("bias.json"), "{ \"sigmaB\": 0.5 }");
    }

    [OneTimeTearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    private string F(string name) => Path.Combine(dir, name);

    [Test]
    public void WritesTheDocumentedJson()
    {
        var (exit, stdout, stderr) = CliProcess.Run("action", "--points", F("three.csv"), "--samples", "20000");
        Assert.That(exit, Is.EqualTo(0), stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "points", "source", "quadratic", "vertex", "coupling" }));
        Assert.That(root.GetProperty("source").GetString(), Is.EqualTo("theory"));
        Assert.That(root.GetProperty("quadratic").GetArrayLength(), Is.EqualTo(3));
        var vertex = root.GetProperty("vertex").EnumerateArray().ToList();
        Assert.That(vertex, Has.Count.EqualTo(15));
        Assert.That(vertex[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "index", "value", "stderr" }));
        var coupling = root.GetProperty("coupling");
        Assert.That(coupling.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "cutoff", "perTuple", "mean", "spread" }));
        Assert.That(coupling.GetProperty("cutoff").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var perTuple = coupling.GetProperty("perTuple").EnumerateArray().ToList();
        Assert.That(perTuple, Has.Count.EqualTo(15));
        Assert.That(perTuple[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "index", "lambda", "stderr" }));
        double mean = perTuple.Average(t => t.GetProperty("lambda").GetDouble());
        Assert.That(coupling.GetProperty("mean").GetDouble(), Is.EqualTo(mean).Within(1e-12).Percent);
    }

    [Test]
    public void ReadsAResultFileWithACutoffAndWritesTextAndFigures()
    {
        var (exit, _, stderr) = CliProcess.Run("theory", "--config", F("limit.json"), "--points", F("three.csv"), "--samples", "5000", "--out", F("theory.json"));
        Assert.That(exit, Is.EqualTo(0), stderr);
        (exit, var stdout, stderr) = CliProcess.Run("action", "--from", F("theory.json"), "--cutoff", "1.5", "--out", F("action.json"));
        Assert.That(exit, Is.EqualTo(0), stderr);
        Assert.That(stdout, Is.Empty);
        using (var doc = JsonDocument.Parse(File.ReadAllText(F("action.json"))))
        {
            Assert.That(doc.RootElement.GetProperty("source").GetString(), Is.EqualTo(F("theory.json")));
            Assert.That(doc.RootElement.GetProperty("coupling").GetProperty("cutoff").GetDouble(), Is.EqualTo(1.5));
        }
        (exit, stdout, stderr) = CliProcess.Run("action", "--from", F("theory.json"), "--format", "text", "--figures", F("figures"), "--samples", "2000");
        Assert.That(exit, Is.EqualTo(0), stderr);
        Assert.That(stdout, Does.Contain("quartic vertex").And.Contain("mean lambda"));
        foreach (var png in new[] { "coupling-per-tuple.png", "coupling-cutoff.png", "vertex-heads.png" })
            Assert.That(new FileInfo(Path.Combine(F("figures"), png)).Length, Is.GreaterThan(1000), png);
    }

    [Test]
    public void BadInputExitsWithTwoBeforeComputing()
    {
        var (exit, _, stderr) = CliProcess.Run("theory", "--points", F("three.csv"), "--samples", "1000", "--out", F("t.json"));
        Assert.That(exit, Is.EqualTo(0), stderr);
        // A result that lacks one G4 tuple: the deliberately wrong input is caught and named.
        string text = File.ReadAllText(F("t.json"));
        int first = text.IndexOf("{\n      \"index\"", StringComparison.Ordinal);
        int second = text.IndexOf("{\n      \"index\"", first + 1, StringComparison.Ordinal);
        Assert.That(first, Is.GreaterThan(0).And.LessThan(second));
        File.WriteAllText(F("partial.json"), text[..first] + text[second..]);
        (string[] Args, string Expected)[] cases =
        [
            (["action", "--from", F("partial.json")], "g4"),
            (["action", "--from", F("t.json"), "--points", F("three.csv")], "--points"),
            (["action", "--from", F("/no/such.json")], "--from"),
            (["action", "--cutoff", "0"], "--cutoff"),
            (["action", "--cutoff", "-1"], "--cutoff"),
            (["action", "--format", "xml"], "--format"),
            (["action", "--out", dir], "--out"),
            (["action", "--out", F("no/such/folder/a.json")], "--out"),
            (["action", "--figures", F("three.csv")], "--figures"),
            (["action", "--config", F("bias.json"), "--points", F("three.csv"), "--samples", "1000"], "--cutoff"),
        ];
        foreach (var (args, expected) in cases)
        {
            (exit, var stdout, stderr) = CliProcess.Run(args);
            Assert.That(exit, Is.EqualTo(2), string.Join(" ", args) + ": " + stderr);
            Assert.That(stderr.Trim(), Does.Contain(expected).And.Not.Contain("\n"), string.Join(" ", args));
            Assert.That(stdout, Is.Empty);
        }
    }
}
