// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using NnQft.Hybrid.Theory;
using NnQft.Model;
using NnQft.Numerics.Results;

namespace NnQft.Cli.Commands;

/// <summary>
/// <c>nnqft theory</c>: the derived correlators evaluated without sampling networks (quadrature M2, logit Monte
/// Carlo M4), in the result JSON of <c>sample</c>, with the independence-breaking and finite-width parts of G4c.
/// </summary>
internal static class TheoryCommand
{
    // Library parameter names (TheoryOptions and the layout) as this command's flags.
    private static readonly Dictionary<string, string> Flags = new()
    {
        ["Samples"] = "--samples", ["points"] = "--points", ["pointCount"] = "--points", ["G4"] = "--g4", ["G6"] = "--g6",
    };

    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "Architecture JSON file (default: the embedded default)." };
        var points = new Option<string?>("--points") { Description = "Points CSV, one point per line (default: the 8 default points)." };
        var samples = new Option<long>("--samples") { Description = "Logit samples for the four-point attention moments.", DefaultValueFactory = _ => new TheoryOptions().Samples };
        var seed = new Option<long>("--seed") { Description = "Seed of the logit Monte Carlo.", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "Write the result JSON to FILE (default: stdout)." };
        var g4 = SampleCommand.G4Option();
        var g6 = SampleCommand.G6Option();
        var command = new Command("theory", "The analytic side: derived G2, G4 and G4c (independence breaking + finite width), no network sampling.")
        {
            config, points, samples, seed, output, g4, g6,
        };
        command.SetAction(parse => CliRunner.Guard(() =>
        {
            string? outPath = OutputPath.File("--out", parse.GetValue(output));
            long n = parse.GetValue(samples);
            long s = parse.GetValue(seed);
            if (s < 0) throw new InvalidInputException("--seed", "must be an integer >= 0", s.ToString(CultureInfo.InvariantCulture));
            var architecture = InputLoader.Architecture(parse.GetValue(config));
            var pointSet = InputLoader.Points(parse.GetValue(points), architecture);
            var selection = TupleSelection.Parse(parse.GetValue(g4) ?? "all", 4, pointSet.Count);
            var options = new TheoryOptions(n, (ulong)s) { G4 = selection, G6 = SampleCommand.ParseG6(parse.GetValue(g6), pointSet.Count) };
            var result = TheoryEvaluator.Evaluate(architecture, pointSet, options);
            SampleCommand.WriteOutput(outPath, CorrelatorResultJson.Write(result, null));
            return CliRunner.Ok;
        }, Flags));
        return command;
    }
}
