// SPDX-License-Identifier: MIT
using System.Diagnostics;
using NnQft.Numerics.Results;

namespace NnQft.Cli.Tests;

/// <summary>
/// The Slurm path of the README on a real single-node Slurm: deploy/slurm/sample-array.sbatch as a 3-task array
/// (<c>--shard auto</c>), deploy/slurm/merge.sbatch as an afterok job; one task is cancelled mid-run (scancel: SIGTERM,
/// nnqft flushes its checkpoint and exits 143), requeued as the README's recovery says, resumes from its checkpoint,
/// and the merged result is bit-identical to one process. Where Slurm cannot start, the test fails on CI (CI=true)
/// and is skipped with the reason elsewhere.
/// </summary>
[NonParallelizable]
public class SlurmIntegrationTests
{
    private const int Tasks = 3;
    private const long Nets = 36_000;

    [Test]
    public void ArrayWithACancelledAndRequeuedTaskMergesToTheOneProcessBits()
    {
        var clock = Stopwatch.StartNew();
        using var slurm = SingleNodeSlurm.TryStart(out string reason);
        if (slurm is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail($"Slurm could not be started on CI: {reason}");
            Assert.Ignore($"Slurm could not be started here: {reason}");
        }
        TestContext.Out.WriteLine($"single-node Slurm up in {clock.Elapsed.TotalSeconds:F1} s");
        string run = Path.Combine(slurm.Root, "run");
        Directory.CreateDirectory(run);
        string points = Path.Combine(slurm.Root, "points.csv");
        File.WriteAllText(points, "0,0\n0.5,0\n0.3,0.8\n1.2,-0.4\n");
        string[] runArgs = ["--points", points, "--nets", Nets.ToString(), "--seed", "3"];
        string[] sampleArgs = [.. runArgs, "--threads", "1", "--checkpoint-seconds", "0.2"];
        string deploy = Path.Combine(RepositoryRoot(), "deploy", "slurm");
        Environment.SetEnvironmentVariable("NNQFT", $"dotnet {CliProcess.Dll}");
        try
        {
            // As the README submits them.
            string job = slurm.Must("sbatch", ["--parsable", $"--array=1-{Tasks}", "--chdir", run, Path.Combine(deploy, "sample-array.sbatch"), run, .. sampleArgs]);
            string merge = slurm.Must("sbatch", "--parsable", $"--dependency=afterok:{job}", "--chdir", run, Path.Combine(deploy, "merge.sbatch"), run);
            string victim = $"{job}_2", checkpoint = Path.Combine(run, "ckpt-2.json"), shard = Path.Combine(run, "shard-2.json");

            slurm.WaitFor(() => File.Exists(checkpoint) && slurm.JobField(victim, "JobState") == "RUNNING", TimeSpan.FromMinutes(2), "task 2's first checkpoint");
            Thread.Sleep(500);
            slurm.Must("scancel", victim);
            slurm.WaitFor(() => slurm.JobField(victim, "JobState") == "CANCELLED", TimeSpan.FromMinutes(1), "task 2 to be cancelled");
            Assert.That(slurm.JobField(victim, "ExitCode"), Is.EqualTo("143:0"), "nnqft handled SIGTERM and exited 143");
            Assert.That(File.Exists(shard), Is.False, "the cancelled task was cancelled mid-run: no shard output");
            long kept = CorrelatorResultJson.Read(File.ReadAllText(checkpoint)).Result.Samples;
            Assert.That(kept, Is.GreaterThan(0).And.LessThan(Nets / Tasks), "the checkpoint holds part of the task");
            TestContext.Out.WriteLine($"task 2 cancelled with {kept} of {Nets / Tasks} networks in its checkpoint");

            // The README's recovery: requeue the task now, and point the merge at the tasks (the array as a whole
            // has recorded a failure, so afterok on it can no longer be satisfied).
            slurm.Must("scontrol", "requeue", victim);
            slurm.Must("scontrol", "update", $"JobId={victim}", "StartTime=now");
            slurm.Must("scontrol", "update", $"JobId={merge}", $"Dependency=afterok:{string.Join(":", Enumerable.Range(1, Tasks).Select(k => $"{job}_{k}"))}");
            slurm.WaitFor(() => slurm.JobField(merge, "JobState") is "COMPLETED" or "FAILED" or "CANCELLED", TimeSpan.FromMinutes(3), "the merge job");
            Assert.That(slurm.JobField(merge, "JobState"), Is.EqualTo("COMPLETED"), Logs(run));
            Assert.That(File.ReadAllText(Path.Combine(run, $"nnqft-sample-{job}_2.log")), Does.Contain("resuming from"), "the requeued task resumed from its checkpoint");
        }
        finally
        {
            Environment.SetEnvironmentVariable("NNQFT", null);
        }

        string whole = Path.Combine(slurm.Root, "whole.json");
        var (exit, _, stderr) = CliProcess.Run(["sample", .. runArgs, "--threads", "2", "--out", whole]);
        Assert.That(exit, Is.EqualTo(0), stderr);
        var merged = CorrelatorResultJson.Read(File.ReadAllText(Path.Combine(run, "run.json"))).Result;
        Assert.That(merged.Samples, Is.EqualTo(Nets));
        Assert.That(ResultBits.Same(merged, CorrelatorResultJson.Read(File.ReadAllText(whole)).Result), Is.True, "merged shards equal one process bit for bit");
        TestContext.Out.WriteLine($"Slurm integration test wall time {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static string Logs(string run) =>
        string.Join("\n", Directory.GetFiles(run, "*.log").Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NnQft.Symbolic.sln"))) return dir.FullName;
        throw new InvalidOperationException("NnQft.Symbolic.sln not found above the test directory");
    }
}
