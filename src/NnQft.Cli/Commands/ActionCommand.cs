// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using NnQft.Cli.Plots;
using NnQft.Hybrid.Action;
using NnQft.Model;
using NnQft.Numerics.Results;

namespace NnQft.Cli.Commands;

/// <summary>
/// <c>nnqft action</c> (docs/cli.md section 5): the action on the points to first order in G4c (quadratic part and
/// quartic vertex) and the coupling per configuration, from the theory at --config/--points or from a result file
/// (--from). With --figures DIR it also writes the coupling and vertex figures as PNG files.
/// </summary>
internal static class ActionCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "Architecture JSON file (default: the embedded default); with --from it gives G2 for the coupling integrals." };
        var points = new Option<string?>("--points") { Description = "Points CSV, one point per line (default: the 8 default points); not with --from." };
        var from = new Option<string?>("--from") { Description = "A result of sample, merge or theory holding G2 and every G4 tuple (default: the theory at --config)." };
        var cutoff = new Option<double?>("--cutoff") { Description = "L: integrate the couplings over the box [-L, L]^d (default: R^d)." };
        var samples = new Option<long>("--samples") { Description = "Logit samples of the theory's four-point moments.", DefaultValueFactory = _ => new ActionOptions().TheorySamples };
        var seed = new Option<long>("--seed") { Description = "Seed of the theory's logit Monte Carlo.", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "json", HelpName = "json|text" };
        var output = new Option<string?>("--out") { Description = "Write the output to FILE (default: stdout)." };
        var figures = new Option<string?>("--figures") { Description = "Write lambda per tuple, lambda(L) against L and V4 against N_h as PNG files into DIR." };
        var command = new Command("action", "The action on the points: quadratic part, quartic vertex V4 and the coupling per configuration.")
        {
            config, points, from, cutoff, samples, seed, format, output, figures,
        };
        command.SetAction(parse => CliRunner.Guard(() =>
        {
            string fmt = parse.GetValue(format) ?? "json";
            if (fmt is not ("json" or "text")) throw new InvalidInputException("--format", "must be json or text", fmt);
            long n = parse.GetValue(samples);
            if (n < 2) throw new InvalidInputException("--samples", "must be an integer >= 2", n.ToString(CultureInfo.InvariantCulture));
            long s = parse.GetValue(seed);
            if (s < 0) throw new InvalidInputException("--seed", "must be an integer >= 0", s.ToString(CultureInfo.InvariantCulture));
            double? l = parse.GetValue(cutoff);
            if (l is double value && !(value > 0 && double.IsFinite(value)))
                throw new InvalidInputException("--cutoff", "must be a finite number > 0", value.ToString(CultureInfo.InvariantCulture));
            string? outPath = OutputPath.File("--out", parse.GetValue(output));
            string? figureDirectory = parse.GetValue(figures) is string folder ? OutputPath.Folder("--figures", folder) : null;
            string? fromPath = parse.GetValue(from);
            if (fromPath is not null && parse.GetValue(points) is not null)
                throw new InvalidInputException("--points", "cannot be combined with --from: the points come from the file");

            var architecture = InputLoader.Architecture(parse.GetValue(config));
            var options = new ActionOptions(l, n, (ulong)s);
            CorrelatorResult input;
            string source;
            if (fromPath is null)
            {
                var pointSet = InputLoader.Points(parse.GetValue(points), architecture);
                input = Hybrid.Theory.TheoryEvaluator.Evaluate(architecture, pointSet, new Hybrid.Theory.TheoryOptions(n, (ulong)s));
                source = "theory";
            }
            else
            {
                input = CorrelatorResultJson.Read(ReadFile(fromPath), fromPath).Result;
                source = fromPath;
            }
            var report = PointActionAnalysis.FromResult(architecture, input, source, options);
            SampleCommand.WriteOutput(outPath, fmt == "json" ? ActionJson.Write(report) : ActionJson.Text(report));
            if (figureDirectory is not null)
                foreach (var figure in ActionFigures.All(architecture, input, report, options))
                    ChartWriter.SavePng(figure, figureDirectory);
            return CliRunner.Ok;
        }));
        return command;
    }

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidInputException("--from", "must be a readable result file", $"{path}: {e.Message}");
        }
    }
}
