// SPDX-License-Identifier: MIT
using System.Diagnostics;
using NnQft.Numerics.Results;

namespace NnQft.Cli.Tests;

/// <summary>
/// sample through the real command line: a run killed (SIGKILL of the whole process tree) after writing a checkpoint
/// and restarted with the same command ends bit-identical to an uninterrupted run; shards merge to the same bits.
/// </summary>
public class SampleCheckpointTests
{
    private string dir = "";

    [SetUp]
    public void SetUp()
    {
        dir = Path.Combine(Path.GetTempPath(), "nnqft-cli-ckpt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "arch.json"), "{ \"features\": 64, \"keyWidth\": 16, \"valueWidth\": 16 }");
        File.WriteAllText(Path.Combine(dir, "points.csv"), "0,0\n0.5,0\n0.3,0.8\n1.2,-0.4\n");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    private string F(string name) => Path.Combine(dir, name);

    private string[] Common(long nets) => ["sample", "--config", F("arch.json"), "--points", F("points.csv"), "--nets", nets.ToString(), "--seed", "5"];

    private static CorrelatorResult Load(string path) => CorrelatorResultJson.Read(File.ReadAllText(path)).Result;

    [Test]
    public void KilledRunResumesToTheUninterruptedBits()
    {
        const long nets = 60_000;
        string checkpoint = F("run.ckpt");
        string[] resumable = [.. Common(nets), "--threads", "1", "--checkpoint", checkpoint, "--checkpoint-seconds", "0.2", "--out", F("resumed.json")];
        using (var child = Process.Start(CliProcess.StartInfo(resumable))!)
        {
            var clock = Stopwatch.StartNew();
            while (!File.Exists(checkpoint) && !child.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(20);
            Thread.Sleep(300); // let a few more blocks land in a later checkpoint
            Assert.That(child.HasExited, Is.False, "the run finished before it could be killed: raise nets");
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
        var partial = Load(checkpoint);
        Assert.That(partial.Samples, Is.GreaterThan(0).And.LessThan(nets), "the checkpoint holds part of the run");
        Assert.That(File.Exists(F("resumed.json")), Is.False, "nothing written before the end");

        var (exit, _, stderr) = CliProcess.Run(resumable);
        Assert.That(exit, Is.EqualTo(0), stderr);
        var (exit2, _, stderr2) = CliProcess.Run([.. Common(nets), "--threads", "2", "--out", F("whole.json")]);
        Assert.That(exit2, Is.EqualTo(0), stderr2);
        Assert.That(ResultBits.Same(Load(F("resumed.json")), Load(F("whole.json"))), Is.True);
    }

    [Test]
    public void ShardsMergedOnTheCommandLineEqualTheWholeRun()
    {
        const long nets = 1_000;
        var files = new List<string>();
        for (int k = 1; k <= 3; k++)
        {
            string file = F($"shard{k}.json");
            var (exit, _, stderr) = CliProcess.Run([.. Common(nets), "--shard", $"{k}/3", "--out", file]);
            Assert.That(exit, Is.EqualTo(0), stderr);
            files.Add(file);
        }
        var (mergeExit, merged, mergeErr) = CliProcess.Run(["merge", .. files]);
        Assert.That(mergeExit, Is.EqualTo(0), mergeErr);
        var (wholeExit, whole, wholeErr) = CliProcess.Run(Common(nets));
        Assert.That(wholeExit, Is.EqualTo(0), wholeErr);
        Assert.That(ResultBits.Same(CorrelatorResultJson.Read(merged).Result, CorrelatorResultJson.Read(whole).Result), Is.True);
    }
}
