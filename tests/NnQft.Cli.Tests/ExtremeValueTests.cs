// SPDX-License-Identifier: MIT
using System.Globalization;
using NnQft.Numerics.Results;

namespace NnQft.Cli.Tests;

/// <summary>
/// Valid but extreme numbers (docs/cli.md section 1: coordinates are any finite numbers, length scales, cutoffs, nu
/// and masses any finite positive number, sigmas any finite number &gt;= 0), at both ends of the double range, through
/// sample (every method, finite and infinite widths) and theory: each run ends in exit 0 with only finite numbers, or
/// exit 2 with a one-line reason naming the field and what it must satisfy. A NaN never reaches an exact sum.
/// </summary>
public class ExtremeValueTests
{
    // Length scales, cutoffs and masses: the ends of their range (ArchitectureValidator.MinScale, MaxScale), and beyond.
    private static readonly double[] Positive = [double.Epsilon, 1e-101, 1e-100, 1e-12, 1e12, 1e100, 1e101, double.MaxValue];
    private static readonly double[] NonNegative = [0, double.Epsilon, 1e-300, 1e300, double.MaxValue];
    private static readonly double[] Coordinates = [double.Epsilon, -1e-300, 1e150, -1e300, double.MaxValue, -double.MaxValue];

    private const string FiniteWidths = "\"tokens\": 2, \"features\": 16, \"keyWidth\": 16, \"valueWidth\": 16";
    private const string InfiniteWidths = "\"tokens\": 2, \"features\": \"inf\", \"keyWidth\": \"inf\", \"valueWidth\": \"inf\"";

    private string dir = "";

    [OneTimeSetUp]
    public void SetUp()
    {
        dir = Path.Combine(Path.GetTempPath(), "nnqft-extreme-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
    }

    [OneTimeTearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    /// <summary>(label, architecture fields, points CSV).</summary>
    private static IEnumerable<(string Label, string Fields, string Points)> Cases()
    {
        const string points = "0,0\n0.5,0\n";
        foreach (var slot in new[] { "token", "query" })
        {
            foreach (double v in Positive)
            {
                string s = R(v);
                if (v > 1) yield return ($"{slot} matern nu {R(v / 1e8)}", $"\"{slot}\": {{ \"family\": \"matern\", \"nu\": {R(v / 1e8)}, \"lengthScale\": 1 }}", points);
                yield return ($"{slot} gaussian lengthScale {s}", $"\"{slot}\": {{ \"family\": \"gaussian\", \"lengthScale\": {s} }}", points);
                yield return ($"{slot} matern lengthScale {s}", $"\"{slot}\": {{ \"family\": \"matern\", \"nu\": 3, \"lengthScale\": {s} }}", points);
                yield return ($"{slot} matern nu {s}", $"\"{slot}\": {{ \"family\": \"matern\", \"nu\": {s}, \"lengthScale\": 1 }}", points);
                yield return ($"{slot} cauchy lengthScale {s}", $"\"{slot}\": {{ \"family\": \"cauchy\", \"lengthScale\": {s} }}", points);
                yield return ($"{slot} ball cutoff {s}", $"\"{slot}\": {{ \"family\": \"ball\", \"cutoff\": {s} }}", points);
                yield return ($"{slot} freeScalar cutoff {s}", $"\"{slot}\": {{ \"family\": \"freeScalar\", \"cutoff\": {s}, \"mass\": 1 }}", points);
                yield return ($"{slot} freeScalar mass {s}", $"\"{slot}\": {{ \"family\": \"freeScalar\", \"cutoff\": 2, \"mass\": {s} }}", points);
            }
        }
        foreach (var sigma in new[] { "sigmaQ", "sigmaK", "sigmaV", "sigmaA", "sigmaB" })
            foreach (double v in NonNegative)
                yield return ($"{sigma} {R(v)}", $"\"{sigma}\": {R(v)}", points);
        foreach (double x in Coordinates)
        {
            yield return ($"coordinate {R(x)}", "\"sigmaB\": 0", $"{R(x)},0\n0,0\n");
            yield return ($"coordinates {R(x)} twice", "\"sigmaB\": 0", $"{R(x)},{R(x)}\n{R(-x)},0\n");
            yield return ($"coordinate {R(x)} with freeScalar tokens", "\"token\": { \"family\": \"freeScalar\", \"cutoff\": 8, \"mass\": 1 }", $"{R(x)},0\n0,0\n");
        }
    }

    private static IEnumerable<string[]> Commands()
    {
        yield return ["sample", "--nets", "130", "--method", "exact"];
        yield return ["sample", "--nets", "130", "--method", "bruteforce"];
        yield return ["sample", "--nets", "130", "--method", "raoBlackwell"];
        yield return ["theory", "--samples", "200"];
    }

    [Test]
    public void ExtremeValidNumbersGiveFiniteResultsOrANamedRange()
    {
        var failures = new List<string>();
        int runs = 0, refused = 0;
        foreach (var (label, fields, pointsCsv) in Cases())
        {
            foreach (var (widthLabel, widths) in new[] { ("finite widths", FiniteWidths), ("infinite widths", InfiniteWidths) })
            {
                string config = Path.Combine(dir, "arch.json"), points = Path.Combine(dir, "points.csv");
                File.WriteAllText(config, $"{{ {widths}, {fields} }}");
                File.WriteAllText(points, pointsCsv);
                foreach (var command in Commands())
                {
                    if (widthLabel == "infinite widths" && command.Contains("bruteforce")) continue;
                    runs++;
                    string what = $"{string.Join(" ", command)} with {label}, {widthLabel}";
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    var (exit, stdout, stderr) = InProcessCli.Run([.. command, "--config", config, "--points", points]);
                    if (Environment.GetEnvironmentVariable("NNQFT_TRACE") is string trace) File.AppendAllText(trace, $"{clock.ElapsedMilliseconds} ms exit {exit}: {what} {Head(stderr)}\n");
                    string? problem = Problem(exit, stdout, stderr);
                    if (problem is not null) failures.Add($"{what}: {problem}");
                    if (exit == 2) refused++;
                }
            }
        }
        TestContext.Out.WriteLine($"{runs} runs, {refused} refused with a named range, {runs - refused - failures.Count} finite results");
        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(40)));
    }

    [Test]
    public void TheCheckCatchesANonFiniteResult()
    {
        var (exit, good, stderr) = InProcessCli.Run("sample", "--nets", "4", "--points", WritePoints("0,0\n"));
        Assert.That(Problem(exit, good, stderr), Is.Null);
        int value = good.IndexOf("\"value\": [[", StringComparison.Ordinal) + "\"value\": [[".Length;
        Assert.That(Problem(0, good[..value] + "1e999" + good[good.IndexOfAny([',', ']'], value)..], ""), Is.Not.Null, "an infinite value");
        Assert.That(Problem(1, "", "Unhandled exception: System.InvalidOperationException"), Is.Not.Null);
        Assert.That(Problem(2, "", "nnqft: sigmaV: must be\nat NnQft"), Is.Not.Null);
        Assert.That(Problem(2, "", "nnqft: something went wrong"), Is.Not.Null, "no range");
    }

    private string WritePoints(string csv)
    {
        string path = Path.Combine(dir, "check-points.csv");
        File.WriteAllText(path, csv);
        return path;
    }

    /// <summary>Null when the run ended acceptably, else what is wrong.</summary>
    internal static string? Problem(int exit, string stdout, string stderr)
    {
        if (exit == 2)
        {
            string line = stderr.Trim();
            if (line.Contains('\n')) return $"exit 2 but not one line: {line}";
            if (!line.StartsWith("nnqft: ", StringComparison.Ordinal) || !line.Contains("must")) return $"exit 2 without a named field and range: {line}";
            return stdout.Length == 0 ? null : "exit 2 but stdout written";
        }
        if (exit != 0) return $"exit {exit}: {Head(stderr)}";
        CorrelatorResult result;
        try
        {
            result = CorrelatorResultJson.Read(stdout).Result;
        }
        catch (Exception e)
        {
            return $"exit 0 but unreadable result ({e.GetType().Name}: {e.Message}): {Head(stdout)}";
        }
        var numbers = result.G2.Value.SelectMany(r => r).Concat(result.G2.Stderr.SelectMany(r => r))
            .Concat(result.G4.SelectMany(e => new[] { e.Value, e.Stderr, e.Connected, e.ConnectedStderr }));
        return numbers.All(double.IsFinite) ? null : "exit 0 with a non-finite number";
    }

    private static string Head(string text) => text.Length <= 300 ? text.Trim() : text[..300].Trim() + "...";

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
