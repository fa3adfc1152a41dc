// SPDX-License-Identifier: MIT
using System.Diagnostics;
using NnQft.Numerics.Results;

namespace NnQft.Cli.Tests;

/// <summary>
/// Load and faults: several sample processes write their shards and checkpoints into one folder at once, and are
/// killed (SIGKILL, or SIGTERM) and restarted at random points (a seeded schedule), as a busy cluster would. Merged,
/// the shards give exactly the one-process result: nothing lost, nothing counted twice, no file corrupted.
/// </summary>
[NonParallelizable]
public class LoadTests
{
    private const int Shards = 4;
    private const long Nets = 48_000;
    private const int Faults = 8;

    [Test]
    public void ShardsKilledAndRestartedAtRandomMergeToTheOneProcessBits()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nnqft-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            Run(dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Run(string dir)
    {
        string points = Path.Combine(dir, "points.csv");
        File.WriteAllText(points, "0,0\n0.5,0\n0.3,0.8\n1.2,-0.4\n");
        string[] common = ["sample", "--points", points, "--nets", Nets.ToString(), "--seed", "21"];
        string[] Shard(int k) => [.. common, "--threads", "1", "--shard", $"{k}/{Shards}", "--checkpoint", Path.Combine(dir, $"ckpt-{k}.json"),
            "--checkpoint-seconds", "0.1", "--out", Path.Combine(dir, $"shard-{k}.json")];

        var random = new Random(20261201);
        var running = new Process?[Shards + 1];
        int hardKills = 0, terms = 0, starts = 0;
        void Start(int k)
        {
            running[k] = Process.Start(CliProcess.StartInfo(Shard(k)))!;
            running[k]!.StandardOutput.ReadToEndAsync();
            running[k]!.StandardError.ReadToEndAsync();
            starts++;
        }
        for (int k = 1; k <= Shards; k++) Start(k);
        var clock = Stopwatch.StartNew();
        for (int fault = 0; fault < Faults && clock.Elapsed < TimeSpan.FromMinutes(3); fault++)
        {
            Thread.Sleep(random.Next(300, 1500));
            var alive = Enumerable.Range(1, Shards).Where(k => running[k] is { HasExited: false }).ToList();
            if (alive.Count == 0) break;
            int victim = alive[random.Next(alive.Count)];
            var process = running[victim]!;
            if (random.Next(2) == 0)
            {
                process.Kill(entireProcessTree: true);
                hardKills++;
            }
            else
            {
                using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString() } })!;
                kill.WaitForExit();
                terms++;
            }
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.AnyOf(0, 137, 143, -1), $"shard {victim} after a fault");
            process.Dispose();
            Start(victim);
        }
        // Let every shard finish; one that had already finished when it was "restarted" just re-emits its result.
        for (int k = 1; k <= Shards; k++)
        {
            var p = running[k]!;
            Assert.That(p.WaitForExit(TimeSpan.FromMinutes(5)), Is.True, $"shard {k} finished");
            Assert.That(p.ExitCode, Is.EqualTo(0), $"shard {k}");
            p.Dispose();
        }

        // No file is corrupt: every checkpoint and shard decodes, each checkpoint holds its whole shard (shards are
        // whole blocks of 128 networks, so their sizes differ by a block), and together they hold every network.
        long sum = 0;
        for (int k = 1; k <= Shards; k++)
        {
            long shard = CorrelatorResultJson.Read(File.ReadAllText(Path.Combine(dir, $"shard-{k}.json"))).Result.Samples;
            Assert.That(CorrelatorResultJson.Read(File.ReadAllText(Path.Combine(dir, $"ckpt-{k}.json"))).Result.Samples, Is.EqualTo(shard), $"ckpt-{k}.json");
            sum += shard;
        }
        Assert.That(sum, Is.EqualTo(Nets));
        var shards = Enumerable.Range(1, Shards).Select(k => Path.Combine(dir, $"shard-{k}.json")).ToArray();
        var (mergeExit, merged, mergeErr) = InProcessCli.Run(["merge", .. shards]);
        Assert.That(mergeExit, Is.EqualTo(0), mergeErr);
        var (wholeExit, whole, wholeErr) = InProcessCli.Run([.. common, "--threads", "2"]);
        Assert.That(wholeExit, Is.EqualTo(0), wholeErr);
        Assert.That(ResultBits.Same(CorrelatorResultJson.Read(merged).Result, CorrelatorResultJson.Read(whole).Result), Is.True, "merged equals one process");
        int litter = Directory.GetFiles(dir, "*.tmp-*").Length;
        TestContext.Out.WriteLine($"load: {Shards} concurrent shards, {starts} process starts, {hardKills} SIGKILL and {terms} SIGTERM faults survived; " +
            $"{litter} temporary files left by SIGKILL mid-write (never read); {clock.Elapsed.TotalSeconds:F1} s");
    }
}
