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
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Outputs of sample (shards) or checkpoint files.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Write the merged result JSON to FILE (default: stdout)." };
        var command = new Command("merge", "Combine shard or checkpoint results of one sample run.") { files, output };
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
            var merged = MonteCarloSampler.Merge(inputs);
            SampleCommand.WriteOutput(outPath, merged.ToJson());
            return CliRunner.Ok;
        }));
        return command;
    }
}
