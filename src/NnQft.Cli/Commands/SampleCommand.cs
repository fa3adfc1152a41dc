// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using NnQft.Hybrid.RaoBlackwell;
using NnQft.Model;
using NnQft.Numerics.MonteCarlo;
using NnQft.Numerics.Sampling;

namespace NnQft.Cli.Commands;

/// <summary>
/// <c>nnqft sample</c>: Monte Carlo over random networks (INTERFACE.md section 2). Prints the result JSON (with the
/// exact accumulator under <c>state</c>, so shards can be merged) to stdout or <c>--out</c>.
/// </summary>
internal static class SampleCommand
{
    // Library parameter names (SampleOptions and the layout) as this command's flags.
    private static readonly Dictionary<string, string> Flags = new()
    {
        ["Networks"] = "--nets", ["Threads"] = "--threads", ["ShardIndex"] = "--shard", ["Points"] = "--points",
        ["pointCount"] = "--points", ["G4"] = "--g4", ["Method"] = "--method", ["method"] = "--method", ["CheckpointPath"] = "--checkpoint",
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
        var shard = new Option<string>("--shard") { Description = "k/n: take the k-th of n slices of the network indices.", DefaultValueFactory = _ => "1/1" };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Save progress to FILE at intervals; resume from it if it exists." };
        var checkpointSeconds = new Option<double>("--checkpoint-seconds")
        {
            Description = "Seconds between checkpoint writes.", DefaultValueFactory = _ => 2.0, Hidden = true,
        };
        var output = new Option<string?>("--out") { Description = "Write the result JSON to FILE (default: stdout)." };
        var g4 = G4Option();
        var command = new Command("sample", "Monte Carlo estimates of G2 and G4 over random attention-head networks.")
        {
            config, points, nets, seed, method, threads, shard, checkpoint, checkpointSeconds, output, g4,
        };
        command.SetAction(parse => CliRunner.Guard(() =>
        {
            long n = parse.GetValue(nets);
            long s = parse.GetValue(seed);
            if (s < 0) throw new InvalidInputException("--seed", "must be an integer >= 0", Show(s));
            int k = parse.GetValue(threads);
            var m = SamplingMethodNames.Parse(parse.GetValue(method) ?? "exact");
            var (shardIndex, shardCount) = ParseShard(parse.GetValue(shard) ?? "1/1");
            double every = parse.GetValue(checkpointSeconds);
            if (!(every >= 0) || double.IsInfinity(every))
                throw new InvalidInputException("--checkpoint-seconds", "must be a finite number >= 0", Show(every));
            var architecture = InputLoader.Architecture(parse.GetValue(config));
            var pointSet = InputLoader.Points(parse.GetValue(points), architecture);
            string? outPath = parse.GetValue(output);
            var options = new SampleOptions(architecture, pointSet)
            {
                Networks = n,
                Seed = (ulong)s,
                Method = m,
                Threads = k,
                ShardIndex = shardIndex,
                ShardCount = shardCount,
                CheckpointPath = parse.GetValue(checkpoint),
                CheckpointInterval = TimeSpan.FromSeconds(every),
                G4 = TupleSelection.Parse(parse.GetValue(g4) ?? "all", 4, pointSet.Count),
            };
            // raoBlackwell: the symbolic engine derives and compiles the conditional moments the sampler averages.
            if (m == SamplingMethod.RaoBlackwell) options = RaoBlackwellSampling.Options(options);
            var outcome = ProgressDisplay.Run("sample", progress => MonteCarloSampler.Sample(options with { Progress = progress }));
            WriteOutput(outPath, outcome.ToJson());
            return CliRunner.Ok;
        }, Flags));
        return command;
    }

    /// <summary>The <c>--g4 all|none|FILE</c> option of docs/cli.md section 5 (sample and merge).</summary>
    public static Option<string?> G4Option() => new("--g4")
    {
        Description = "G4 tuples to estimate: all, none (G2 only) or a CSV FILE of 4 zero-based point indices per line.",
        HelpName = "all|none|FILE",
    };

    /// <summary>Parses k/n with 1 &lt;= k &lt;= n.</summary>
    public static (int Index, int Count) ParseShard(string text)
    {
        const string allowed = "must be k/n with integers 1 <= k <= n";
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            || k < 1 || n < 1 || k > n)
            throw new InvalidInputException("--shard", allowed, text);
        return (k, n);
    }

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
