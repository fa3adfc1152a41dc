// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using NnQft.Cli.Plots;
using NnQft.Hybrid.Validation;
using NnQft.Model;
using NnQft.Numerics.Results;
using Spectre.Console;

namespace NnQft.Cli.Commands;

/// <summary>
/// <c>nnqft validate</c>, the main job: theory against Monte Carlo on one architecture. Prints a table of z-scores,
/// writes report.json, the two result files and PNG plots into --out, and exits 1 when any |z| reaches 5.
/// </summary>
internal static class ValidateCommand
{
    private const int TableRows = 16;

    public static Command Create()
    {
        var defaults = new ValidationOptions();
        var config = new Option<string?>("--config") { Description = "Architecture JSON file (default: the embedded default)." };
        var points = new Option<string?>("--points") { Description = "Points CSV, one point per line (default: the 8 default points)." };
        var output = new Option<string>("--out") { Description = "Output folder for report.json and the plots.", DefaultValueFactory = _ => "validate-out" };
        var nets = new Option<long>("--nets") { Description = "Networks for the main Monte Carlo run.", DefaultValueFactory = _ => defaults.Networks };
        var auxNets = new Option<long>("--aux-nets") { Description = "Networks for each run behind the plots.", DefaultValueFactory = _ => defaults.AuxiliaryNetworks };
        var samples = new Option<long>("--samples") { Description = "Logit samples for the theory's four-point moments.", DefaultValueFactory = _ => defaults.TheorySamples };
        var seed = new Option<long>("--seed") { Description = "Seed of every Monte Carlo run.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Worker threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("validate", "Theory against Monte Carlo: z-table, report.json and PNG plots.")
        {
            config, points, output, nets, auxNets, samples, seed, threads,
        };
        command.SetAction(parse => CliRunner.Guard(() =>
        {
            string directory = OutputPath.Folder("--out", parse.GetValue(output) ?? "validate-out");
            var options = new ValidationOptions(
                AtLeast("--nets", parse.GetValue(nets), 2),
                AtLeast("--aux-nets", parse.GetValue(auxNets), 2),
                AtLeast("--samples", parse.GetValue(samples), 2),
                (ulong)AtLeast("--seed", parse.GetValue(seed), 0),
                (int)AtLeast("--threads", parse.GetValue(threads), 1));
            var architecture = InputLoader.Architecture(parse.GetValue(config));
            var pointSet = InputLoader.Points(parse.GetValue(points), architecture);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var outcome = ValidationRunner.Run(architecture, pointSet, options, line => Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {line}"));
            Write(outcome, directory);
            PrintTable(outcome.Report);
            Console.Error.WriteLine($"finished in {clock.Elapsed.TotalSeconds:F1} s; results in {directory}/");
            return outcome.Report.Passed ? CliRunner.Ok : CliRunner.CheckFailed;
        }));
        return command;
    }

    private static void Write(ValidationOutcome outcome, string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidInputException("--out", "must be a folder that can be created and written", $"{directory}: {e.Message}");
        }
        SampleCommand.WriteOutput(Path.Combine(directory, "report.json"), outcome.Report.ToJson());
        SampleCommand.WriteOutput(Path.Combine(directory, "theory.json"), CorrelatorResultJson.Write(outcome.Theory, null));
        SampleCommand.WriteOutput(Path.Combine(directory, "montecarlo.json"), CorrelatorResultJson.Write(outcome.MonteCarlo, null));
        foreach (var figure in outcome.Figures) ChartWriter.SavePng(figure, directory);
    }

    private static void PrintTable(ValidationReport report)
    {
        // The diagonal G2 rows and the rows with the largest |z|: the whole table is in report.json.
        var shown = report.Rows.Where(r => IsDiagonal(r.Quantity)).Take(4)
            .Concat(report.Rows.OrderByDescending(r => Math.Abs(r.Z)).Take(TableRows))
            .Distinct()
            .ToList();
        var table = new Table().Title($"theory vs Monte Carlo ({report.Rows.Count} comparisons, {shown.Count} shown: G2 diagonal and largest |z|)");
        table.AddColumns("quantity", "theory", "Monte Carlo", "stderr", "z");
        foreach (var r in shown)
        {
            string z = r.Z.ToString("F2", CultureInfo.InvariantCulture);
            table.AddRow(Markup.Escape(r.Quantity), Number(r.Theory), Number(r.MonteCarlo), Number(r.Stderr),
                Math.Abs(r.Z) < ValidationReport.ZLimit ? z : $"[red]{z}[/]");
        }
        AnsiConsole.Write(table);
        string verdict = report.Passed
            ? $"[green]PASSED[/]: every |z| < {ValidationReport.ZLimit} (max |z| = {report.MaxAbsZ:F2})"
            : $"[red]FAILED[/]: max |z| = {report.MaxAbsZ:F2} >= {ValidationReport.ZLimit}";
        AnsiConsole.MarkupLine(verdict);
        AnsiConsole.MarkupLine(Markup.Escape(report.Method));
    }

    private static bool IsDiagonal(string quantity)
    {
        if (!quantity.StartsWith("G2(", StringComparison.Ordinal)) return false;
        var parts = quantity[3..^1].Split(',');
        return parts.Length == 2 && parts[0] == parts[1];
    }

    private static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private static long AtLeast(string field, long value, long min) =>
        value >= min ? value : throw new InvalidInputException(field, $"must be an integer >= {min}", value.ToString(CultureInfo.InvariantCulture));
}
