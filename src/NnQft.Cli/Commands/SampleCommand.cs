// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using NnQft.Hybrid.RaoBlackwell;
using NnQft.Model;
using NnQft.Numerics.MonteCarlo;
using NnQft.Numerics.Sampling;

namespace NnQft.Cli.Commands;

/// <summary>
/// <c>nnqft sample</c>: Monte Carlo over random networks (docs/cli.md section 2). Prints the result JSON (with the
/// exact accumulator under <c>state</c>, so shards can be merged) to stdout or <c>--out</c>.
/// </summary>
internal static class SampleCommand
{
    // Library parameter names (SampleOptions and the layout) as this command's flags.
    private static readonly Dictionary<string, string> Flags = new()
    {
        ["Networks"] = "--nets", ["Threads"] = "--threads", ["ShardIndex"] = "--shard", ["Points"] = "--points",
        ["pointCount"] = "--points", ["G4"] = "--g4", ["G6"] = "--g6", ["Method"] = "--method", ["method"] = "--method", ["CheckpointPath"] = "--checkpoint",
    };

    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "Architecture JSON file (default: the embedded default)." };
        var points = new Option<string?>("--points") { Description = "Points CSV, one point per line (default: the 8 default points)." };
        var nets = new Option<long>("--nets") { Description = "Number of networks N (over all shards).", DefaultValueFactory = _ => SampleOptions.DefaultNetworks };
        var seed = new Option<long>("--seed") { Description = "Seed; with the network index it fixes each network.", DefaultValueFactory = _ => 1 };
        var method = new Option<string>("--method")
        {
            Description = "bruteforce (every weight), exact (same law, cheaper) or raoBlackwell.", DefaultValueFactory = _ => "exact",
            HelpName = string.Join("|", SamplingMethodNames.All),
        };
        var threads = new Option<int>("--threads") { Description = "Worker threads (never changes the result).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var shard = new Option<string>("--shard") { Description = "k/n: take the k-th of n slices of the network indices; auto: k and n from the Slurm array.", DefaultValueFactory = _ => "1/1" };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Save progress to FILE at intervals; resume from it if it exists." };
        var checkpointSeconds = new Option<double>("--checkpoint-seconds")
        {
            Description = "Seconds between checkpoint writes.", DefaultValueFactory = _ => 2.0, Hidden = true,
        };
        var output = new Option<string?>("--out") { Description = "Write the result JSON to FILE (default: stdout)." };
        var g4 = G4Option();
        var g6 = G6Option();
        var command = new Command("sample", "Monte Carlo estimates of G2 and G4 over random attention-head networks.")
        {
            config, points, nets, seed, method, threads, shard, checkpoint, checkpointSeconds, output, g4, g6,
        };
        command.SetAction(parse => CliRunner.Guard(() =>
        {
            using var signals = new InterruptSignals();
            string? outPath = OutputPath.File("--out", parse.GetValue(output));
            string? checkpointPath = OutputPath.File("--checkpoint", parse.GetValue(checkpoint));
            long n = parse.GetValue(nets);
            long s = parse.GetValue(seed);
            if (s < 0) throw new InvalidInputException("--seed", "must be an integer >= 0", Show(s));
            int k = parse.GetValue(threads);
            var m = SamplingMethodNames.Parse(parse.GetValue(method) ?? "exact");
            var (shardIndex, shardCount) = ShardArgument.Parse(parse.GetValue(shard) ?? "1/1", Environment.GetEnvironmentVariable);
            double every = parse.GetValue(checkpointSeconds);
            if (!(every >= 0) || double.IsInfinity(every))
                throw new InvalidInputException("--checkpoint-seconds", "must be a finite number >= 0", Show(every));
            var architecture = InputLoader.Architecture(parse.GetValue(config));
            var pointSet = InputLoader.Points(parse.GetValue(points), architecture);
            var options = new SampleOptions(architecture, pointSet)
            {
                Networks = n,
                Seed = (ulong)s,
                Method = m,
                Threads = k,
                ShardIndex = shardIndex,
                ShardCount = shardCount,
                CheckpointPath = checkpointPath,
                CheckpointInterval = TimeSpan.FromSeconds(every),
                Cancellation = signals.Token,
                G4 = TupleSelection.Parse(parse.GetValue(g4) ?? "all", 4, pointSet.Count),
                G6 = ParseG6(parse.GetValue(g6), pointSet.Count),
            };
            // raoBlackwell: the symbolic engine derives and compiles the conditional moments the sampler averages.
            if (m == SamplingMethod.RaoBlackwell) options = RaoBlackwellSampling.Options(options);
            // Said once the checkpoint was accepted (the first block done), so a refused one gives one line only.
            int noted = checkpointPath is not null && File.Exists(checkpointPath) ? 0 : 1;
            void NoteResume()
            {
                if (Interlocked.Exchange(ref noted, 1) == 0) Console.Error.WriteLine($"nnqft sample: resuming from {checkpointPath}");
            }
            SampleOutcome outcome;
            try
            {
                outcome = ProgressDisplay.Run("sample", progress => MonteCarloSampler.Sample(options with { Progress = (done, all) => { NoteResume(); progress(done, all); } }));
                NoteResume();
            }
            catch (OperationCanceledException) when (signals.ExitCode != 0)
            {
                string kept = checkpointPath is null ? "no --checkpoint was given, so nothing was kept" : $"the checkpoint {checkpointPath} holds the work done; the same command resumes it";
                Console.Error.WriteLine($"nnqft sample: stopped by {signals.Name}; {kept}");
                return signals.ExitCode;
            }
            WriteOutput(outPath, outcome.ToJson());
            return CliRunner.Ok;
        }, Flags));
        return command;
    }

    /// <summary>The <c>--g6 FILE</c> option of docs/cli.md section 5 (sample, merge and theory).</summary>
    public static Option<string?> G6Option() => new("--g6")
    {
        Description = "Also estimate G6 and G6c at the tuples of a CSV FILE of 6 zero-based point indices per line.",
        HelpName = "FILE",
    };

    /// <summary>The tuples of a <c>--g6</c> file (none when the option is absent).</summary>
    public static TupleSelection ParseG6(string? text, int pointCount) =>
        text switch
        {
            null => TupleSelection.None(6),
            "all" or "none" => throw new InvalidInputException("--g6", "must be a CSV file of 6 zero-based point indices per line", text),
            _ => TupleSelection.Parse(text, 6, pointCount, "--g6"),
        };

    /// <summary>The <c>--g4 all|none|FILE</c> option of docs/cli.md section 5 (sample and merge).</summary>
    public static Option<string?> G4Option() => new("--g4")
    {
        Description = "G4 tuples to estimate: all, none (G2 only) or a CSV FILE of 4 zero-based point indices per line.",
        HelpName = "all|none|FILE",
    };

    /// <summary>Writes to stdout, or to a file via a temporary file and a rename, so nothing is half-written.</summary>
    public static void WriteOutput(string? path, string text)
    {
        if (path is null)
        {
            Console.Out.Write(text);
            return;
        }
        string temp = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            File.WriteAllText(temp, text);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            File.Delete(temp);
            throw new InvalidInputException("--out", "must be a writable file path", $"{path}: {e.Message}");
        }
    }

    private static string Show(double v) => v.ToString(CultureInfo.InvariantCulture);
}
