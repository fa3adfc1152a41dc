// SPDX-License-Identifier: MIT
using System.CommandLine;
using NnQft.Model;
using NnQft.Numerics.MonteCarlo;

namespace NnQft.Cli.Commands;

/// <summary>
/// <c>nnqft merge FILE...</c>: combines shard outputs or checkpoints of one run into one result (exactly: the
/// result is bit-identical to an unsharded run over the same networks).
/// </summary>
internal static class MergeCommand
{
    // Library parameter names (MonteCarloSampler.Merge) as this command's flags.
    private static readonly Dictionary<string, string> Flags = new() { ["g4"] = "--g4", ["g6"] = "--g6" };

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Outputs of sample (shards) or checkpoint files.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Write the merged result JSON to FILE (default: stdout)." };
        var g4 = SampleCommand.G4Option();
        g4.Description = "G4 tuples to report (default: the inputs' own selection, which must contain them): all, none or a CSV FILE.";
        var g6 = SampleCommand.G6Option();
        g6.Description = "G6 tuples to report (default: every tuple the inputs accumulated, which must contain them): a CSV FILE.";
        var command = new Command("merge", "Combine shard or checkpoint results of one sample run.") { files, output, g4, g6 };
        command.SetAction(parse => CliRunner.Guard(() =>
        {
            string? outPath = OutputPath.File("--out", parse.GetValue(output));
            var inputs = new List<(string, string)>();
            foreach (var file in parse.GetValue(files) ?? [])
            {
                try
                {
                    inputs.Add((file, File.ReadAllText(file)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    throw new InvalidInputException(file, "must be a readable result file", e.Message);
                }
            }
            // The tuple file's indices are checked against the points of the inputs, read from the first one.
            string? g4Text = parse.GetValue(g4);
            TupleSelection? report = null;
            if (g4Text is not null && inputs.Count > 0)
                report = TupleSelection.Parse(g4Text, 4, Numerics.Results.CorrelatorResultJson.Read(inputs[0].Item2, inputs[0].Item1).Result.Points.Count);
            TupleSelection? reportG6 = null;
            if (parse.GetValue(g6) is string g6Text && inputs.Count > 0)
                reportG6 = SampleCommand.ParseG6(g6Text, Numerics.Results.CorrelatorResultJson.Read(inputs[0].Item2, inputs[0].Item1).Result.Points.Count);
            var merged = MonteCarloSampler.Merge(inputs, report, reportG6);
            SampleCommand.WriteOutput(outPath, merged.ToJson());
            return CliRunner.Ok;
        }, Flags));
        return command;
    }
}
