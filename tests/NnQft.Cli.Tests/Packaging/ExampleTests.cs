// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NnQft.Cli.Tests.Packaging;

/// <summary>
/// The examples as a user runs them, on the freshly packed packages of <see cref="PackedFeed"/>: examples/paper.fsx
/// with `dotnet fsi`, examples/quickstart.ipynb with `dotnet repl` from the repository's tool manifest. The examples
/// are copied into the packing folder at their repository paths, so their package source (examples/nuget.config,
/// ../artifacts/packages; the notebook's artifacts/packages) is the fresh pack.
/// </summary>
public sealed partial class ExampleTests
{
    private static readonly string[] PaperFigures = ["g2-r.png", "kernels.png", "g4c-dk.png", "g4c-heads.png"];

    [OneTimeSetUp]
    public void CopyTheExamples()
    {
        foreach (var file in new[] { "examples/paper.fsx", "examples/nuget.config", "examples/quickstart.ipynb", ".config/dotnet-tools.json" })
            PackedFeed.CopyFromRepository(file);
    }

    [Test]
    public void ExamplesReferenceTheVersionThatIsPacked()
    {
        string reference = $"#r \"nuget: NnQft.FSharp, {PackedFeed.Version}\"";
        Assert.That(File.ReadAllText(Path.Combine(PackedFeed.Work, "examples/paper.fsx")), Does.Contain(reference));
        Assert.That(File.ReadAllText(Path.Combine(PackedFeed.Work, "examples/quickstart.ipynb")), Does.Contain(reference.Replace("\"", "\\\"")));
    }

    [Test]
    public void PaperScriptInQuickModeWritesEveryFigureAndPassesEveryCheck()
    {
        string output = Path.Combine(PackedFeed.Work, "paper-out");
        var clock = Stopwatch.StartNew();
        var (exit, stdout, stderr) = Fsi("--quick", "--out", output);
        TestContext.Progress.WriteLine($"ExampleTests: dotnet fsi examples/paper.fsx --quick {clock.Elapsed.TotalSeconds:F1} s");
        Assert.That(exit, Is.EqualTo(0), stdout + stderr);
        foreach (var png in PaperFigures) AssertPng(Path.Combine(output, png));

        // What the script prints is what checks.json holds; both say every check kept its bound.
        var checks = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "checks.json")))!;
        double bound = checks["zLimit"]!.GetValue<double>();
        Assert.That(bound, Is.EqualTo(5.0));
        var rows = checks["checks"]!.AsArray();
        Assert.That(rows.Select(r => r!["name"]!.GetValue<string>()), Does.Contain("g2-r").And.Contain("kernels/0-vs-1").And.Contain("g4c-dk/limit").And.Contain("g4c-heads/1-over-N_h"));
        foreach (var row in rows)
        {
            string name = row!["name"]!.GetValue<string>();
            double maxAbsZ = row["maxAbsZ"]!.GetValue<double>();
            Assert.That(row["passed"]!.GetValue<bool>(), Is.True, name);
            // Agreement checks keep |z| below the bound; distinction checks (two things differ) exceed it.
            bool distinction = name.Contains("-vs-", StringComparison.Ordinal) || name.EndsWith("non-zero", StringComparison.Ordinal) || name.EndsWith("suppressed", StringComparison.Ordinal);
            Assert.That(maxAbsZ, distinction ? Is.GreaterThanOrEqualTo(bound) : Is.LessThan(bound), name);
            Assert.That(stdout, Does.Contain($"check {name}"));
        }
        Assert.That(stdout, Does.Contain($"{rows.Count} checks, 0 failed"));
    }

    [Test]
    public void PaperScriptExitsWithOneWhenACheckFails()
    {
        // A bound of 0.01 standard errors is one no honest Monte Carlo estimate keeps.
        string output = Path.Combine(PackedFeed.Work, "paper-failing");
        var (exit, stdout, stderr) = Fsi("--quick", "--only", "g2-r", "--z-limit", "0.01", "--out", output);
        Assert.That(exit, Is.EqualTo(1), stdout + stderr);
        Assert.That(stdout, Does.Contain("FAIL"));
        var row = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "checks.json")))!["checks"]!.AsArray().Single()!;
        Assert.That(row["passed"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public void QuickstartNotebookRunsHeadlessWithLatexTableAndPlot()
    {
        string executed = Path.Combine(PackedFeed.Work, "quickstart-out.ipynb");
        var clock = Stopwatch.StartNew();
        var (exit, stdout, stderr) = Repl("examples/quickstart.ipynb", "--output-format", "ipynb", "--output-path", executed);
        TestContext.Progress.WriteLine($"ExampleTests: dotnet repl --run examples/quickstart.ipynb {clock.Elapsed.TotalSeconds:F1} s");
        Assert.That(exit, Is.EqualTo(0), stdout + stderr);

        var outputs = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray()
            .SelectMany(c => c!["outputs"]?.AsArray() ?? [])
            .Select(o => o!)
            .ToList();
        Assert.That(outputs.Where(o => o["output_type"]!.GetValue<string>() == "error"), Is.Empty);
        string Data(string mime) => string.Concat(outputs.Select(o => o["data"]?[mime]).Where(d => d is not null).Select(Joined));
        Assert.That(Data("text/latex"), Does.Contain("G_{4c}").And.Contain("\\sigma_{a}"));
        string html = Data("text/html");
        Assert.That(html, Does.Contain("<th>Monte Carlo G2</th>"));
        var image = Regex.Match(html, "data:image/png;base64,([A-Za-z0-9+/=]+)");
        Assert.That(image.Success, Is.True, "an inline PNG");
        var png = Convert.FromBase64String(image.Groups[1].Value);
        Assert.That(png.Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
        Assert.That(png.Length, Is.GreaterThan(5000));

        // The table cell's check, printed: every |z| of the table within the stated 5 standard errors.
        string streams = string.Concat(outputs.Where(o => o["output_type"]!.GetValue<string>() == "stream").Select(o => Joined(o["text"])));
        var verdict = MaxAbsZ().Match(streams);
        Assert.That(verdict.Success, Is.True, streams);
        Assert.That(double.Parse(verdict.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Is.LessThan(5.0));
    }

    [Test]
    public void NotebookWithAFailingCellMakesDotnetReplExitNonZero()
    {
        // The quickstart's own first cells, then one that throws: dotnet repl must report it through its exit code.
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(PackedFeed.Work, "examples/quickstart.ipynb")))!;
        var cells = notebook["cells"]!.AsArray();
        var failing = cells.First(c => c!["cell_type"]!.GetValue<string>() == "code")!.DeepClone();
        failing["source"] = new JsonArray("failwith \"a deliberately failing cell\"");
        var kept = new JsonArray(failing);
        notebook["cells"] = kept;
        string path = Path.Combine(PackedFeed.Work, "examples", "failing.ipynb");
        File.WriteAllText(path, notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var (exit, stdout, stderr) = Repl("examples/failing.ipynb");
        Assert.That(exit, Is.Not.EqualTo(0), stdout + stderr);
    }

    private static (int Exit, string Out, string Err) Fsi(params string[] args) =>
        PackedFeed.Execute(PackedFeed.Work, "dotnet", ["fsi", "examples/paper.fsx", .. args], TimeSpan.FromMinutes(8));

    private static (int Exit, string Out, string Err) Repl(string notebook, params string[] args)
    {
        // Tools live in the machine's package folder (a local tool runs from there); the notebook's own packages go
        // to the fresh folder.
        PackedFeed.Execute(PackedFeed.Work, "dotnet", ["tool", "restore"], TimeSpan.FromMinutes(5), ownPackageFolder: false);
        return PackedFeed.Execute(PackedFeed.Work, "dotnet", ["repl", "--run", notebook, "--exit-after-run", .. args], TimeSpan.FromMinutes(8));
    }

    private static void AssertPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.That(bytes.Take(8), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }), path);
        Assert.That(bytes.Length, Is.GreaterThan(10_000), path);
    }

    /// <summary>An ipynb text field: a string or a list of lines.</summary>
    private static string Joined(JsonNode? node) =>
        node is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : node?.GetValue<string>() ?? "";

    [GeneratedRegex(@"max \|z\| = ([0-9.]+) < 5")]
    private static partial Regex MaxAbsZ();
}
