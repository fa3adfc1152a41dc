// SPDX-License-Identifier: MIT
using System.Diagnostics;

namespace NnQft.Cli.Tests;

/// <summary>
/// Every output, checkpoint and figure path of every command that writes files is checked before any computation
/// (docs/cli.md section 5): a missing folder, a folder where a file is meant, a file where a folder is meant and a
/// folder that takes no new files each exit 2 at once, naming the option. The commands are given work that would
/// take far longer than the bound, so a check that came after the computation fails the test.
/// (derive, kernel and attention print to stdout only: they have no path to check.)
/// </summary>
public class OutputPathTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);
    private string dir = "";

    [OneTimeSetUp]
    public void SetUp()
    {
        dir = Path.Combine(Path.GetTempPath(), "nnqft-paths-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "folder"));
        File.WriteAllText(Path.Combine(dir, "file.txt"), "a file");
        File.WriteAllText(Path.Combine(dir, "existing.json"), "keep me");
    }

    [OneTimeTearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    private string F(string name) => Path.Combine(dir, name);

    // Long runs if they were to start: about a minute or more each on two cores.
    private static readonly string[] LongSample = ["sample", "--nets", "2000000", "--threads", "1"];
    private static readonly string[] LongTheory = ["theory", "--samples", "100000000"];
    private static readonly string[] LongValidate = ["validate", "--nets", "10000000", "--aux-nets", "1000000", "--samples", "100000000"];

    private IEnumerable<(string[] Args, string Option)> Cases()
    {
        string missing = F("no-such-folder/out.json"), folder = F("folder"), underFile = F("file.txt/out.json"), noWrite = "/proc/nnqft-out.json";
        foreach (var bad in new[] { missing, folder, underFile, noWrite, "" })
        {
            yield return ([.. LongSample, "--out", bad], "--out");
            yield return ([.. LongSample, "--checkpoint", bad], "--checkpoint");
            yield return ([.. LongTheory, "--out", bad], "--out");
            yield return (["merge", F("existing.json"), "--out", bad], "--out");
        }
        foreach (var bad in new[] { F("file.txt"), F("file.txt/sub"), "/proc/nnqft-validate", "" })
        {
            yield return ([.. LongValidate, "--out", bad], "--out");
            yield return (["prove", "--out", bad], "--out");
        }
    }

    [Test]
    public void EveryBadOutputPathExitsTwoBeforeAnyComputation()
    {
        int checkedCases = 0;
        foreach (var (args, option) in Cases())
        {
            var clock = Stopwatch.StartNew();
            var (exit, stdout, stderr) = InProcessCli.Run(args);
            string what = string.Join(" ", args);
            Assert.That(exit, Is.EqualTo(2), $"{what}: {stderr}");
            Assert.That(clock.Elapsed, Is.LessThan(Prompt), $"{what}: checked before the computation");
            Assert.That(stderr.Trim(), Does.StartWith($"nnqft: {option}:").And.Not.Contain("\n"), what);
            Assert.That(stdout, Is.Empty, what);
            checkedCases++;
        }
        Assert.That(File.ReadAllText(F("existing.json")), Is.EqualTo("keep me"));
        Assert.That(Directory.GetFileSystemEntries(dir), Has.Length.EqualTo(3), "no probe or partial file left");
        TestContext.Out.WriteLine($"{checkedCases} bad paths refused");
    }

    [Test]
    public void GoodPathsPassAndProveCheckOnlyReads()
    {
        Assert.That(OutputPath.File("--out", F("new.json")), Is.EqualTo(F("new.json")));
        Assert.That(OutputPath.File("--out", F("existing.json")), Is.EqualTo(F("existing.json")), "an existing file may be replaced");
        Assert.That(OutputPath.File("--out", null), Is.Null, "stdout");
        Assert.That(OutputPath.Folder("--out", F("folder")), Is.EqualTo(F("folder")));
        Assert.That(OutputPath.Folder("--out", F("new/nested/folder")), Is.EqualTo(F("new/nested/folder")), "created later, nothing now");
        Assert.That(Directory.Exists(F("new")), Is.False);
        // --check writes nothing, so a folder that cannot be written is not refused before verifying.
        var (exit, _, stderr) = InProcessCli.Run("prove", "--check", "--out", "/proc/nnqft-proofs");
        Assert.That(exit, Is.EqualTo(1), stderr);
        Assert.That(stderr, Does.Not.Contain("--out:"));
    }
}
