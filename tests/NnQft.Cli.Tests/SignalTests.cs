// SPDX-License-Identifier: MIT
using System.Diagnostics;
using NnQft.Numerics.Results;

namespace NnQft.Cli.Tests;

/// <summary>
/// SIGINT and SIGTERM sent with a real kill to a running <c>sample</c> (docs/cli.md section 5): the checkpoint is
/// flushed, --out is not written, no temporary file is left, the exit code is 130 or 143, and the same command run
/// again resumes to the bits of an uninterrupted run.
/// </summary>
public class SignalTests
{
    private const long Nets = 100_000;
    private static CorrelatorResult? uninterrupted;
    private string dir = "";

    [SetUp]
    public void SetUp()
    {
        dir = Path.Combine(Path.GetTempPath(), "nnqft-signal-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(F("points.csv"), "0,0\n0.5,0\n0.3,0.8\n1.2,-0.4\n");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    private string F(string name) => Path.Combine(dir, name);

    private string[] Run(string output) => ["sample", "--points", F("points.csv"), "--nets", Nets.ToString(), "--seed", "11", "--out", F(output)];

    [TestCase("TERM", 143)]
    [TestCase("INT", 130)]
    public void SignalFlushesTheCheckpointAndTheRerunResumesToTheUninterruptedBits(string signal, int expectedExit)
    {
        string checkpoint = F("run.ckpt");
        string[] resumable = [.. Run("resumed.json"), "--threads", "1", "--checkpoint", checkpoint, "--checkpoint-seconds", "60"];
        var (exit, stderr) = Interrupt(resumable, signal);
        Assert.That(exit, Is.EqualTo(expectedExit), stderr);
        Assert.That(stderr, Does.Contain($"stopped by SIG{signal}"));
        // The periodic interval (60 s) never came: what is there was written by the signal handler.
        var partial = CorrelatorResultJson.Read(File.ReadAllText(checkpoint)).Result;
        Assert.That(partial.Samples, Is.GreaterThan(0).And.LessThan(Nets), "the checkpoint holds the part done");
        Assert.That(File.Exists(F("resumed.json")), Is.False, "--out is written only by a finished run");
        Assert.That(Directory.GetFiles(dir, "*.tmp-*"), Is.Empty, "no temporary file left behind");

        var (rerun, _, rerunErr) = CliProcess.Run(resumable);
        Assert.That(rerun, Is.EqualTo(0), rerunErr);
        Assert.That(rerunErr, Does.Contain("resuming from"));
        Assert.That(ResultBits.Same(Load("resumed.json"), Uninterrupted()), Is.True, "resumed equals uninterrupted, bit for bit");
    }

    [Test]
    public void SignalWithoutACheckpointWritesNothingAndExits143()
    {
        var (exit, stderr) = Interrupt([.. Run("out.json"), "--threads", "1"], "TERM");
        Assert.That(exit, Is.EqualTo(143), stderr);
        Assert.That(stderr, Does.Contain("nothing was kept"));
        Assert.That(Directory.GetFiles(dir), Is.EquivalentTo(new[] { F("points.csv") }), "nothing written");
    }

    // One uninterrupted run serves both signals (the points file is the same in every test's folder).
    private CorrelatorResult Uninterrupted()
    {
        if (uninterrupted is not null) return uninterrupted;
        var (exit, _, stderr) = CliProcess.Run([.. Run("whole.json"), "--threads", "2"]);
        Assert.That(exit, Is.EqualTo(0), stderr);
        return uninterrupted = Load("whole.json");
    }

    private CorrelatorResult Load(string name) => CorrelatorResultJson.Read(File.ReadAllText(F(name))).Result;

    // Starts nnqft, waits until it has computed for a while (1.2 s of CPU; start-up takes about 0.3 s, the whole run about 4 s), sends the signal
    // with kill(1) and waits for the exit.
    private static (int Exit, string Stderr) Interrupt(string[] args, string signal)
    {
        using var child = Process.Start(CliProcess.StartInfo(args))!;
        var stderr = child.StandardError.ReadToEndAsync();
        _ = child.StandardOutput.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!child.HasExited && child.TotalProcessorTime < TimeSpan.FromSeconds(1.2) && clock.Elapsed < TimeSpan.FromMinutes(1)) Thread.Sleep(20);
        Assert.That(child.HasExited, Is.False, "the run finished before the signal: raise Nets");
        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, child.Id.ToString() } })!) kill.WaitForExit();
        if (!child.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            child.Kill(entireProcessTree: true);
            Assert.Fail($"nnqft did not exit within 30 s of SIG{signal}");
        }
        return (child.ExitCode, stderr.Result);
    }
}
