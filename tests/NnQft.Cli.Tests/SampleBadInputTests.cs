// SPDX-License-Identifier: MIT
namespace NnQft.Cli.Tests;

/// <summary>Every bad input of sample and merge: exit code 2 and a one-line reason naming the field.</summary>
public class SampleBadInputTests
{
    private string dir = "";

    [OneTimeSetUp]
    public void SetUp()
    {
        dir = Path.Combine(Path.GetTempPath(), "nnqft-cli-bad-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "points3d.csv"), "0,0,0\n1,0,0\n");
        File.WriteAllText(Path.Combine(dir, "inf.json"), "{ \"features\": \"inf\" }");
        File.WriteAllText(Path.Combine(dir, "notjson.json"), "{ tokens: ");
        File.WriteAllText(Path.Combine(dir, "badstate.json"), "{ \"method\": \"exact\" }");
    }

    [OneTimeTearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    private string F(string name) => Path.Combine(dir, name);

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(new[] { "sample", "--nets", "0" }, "--nets").SetName("RejectsZeroNets");
        yield return new TestCaseData(new[] { "sample", "--nets", "-5" }, "--nets").SetName("RejectsNegativeNets");
        yield return new TestCaseData(new[] { "sample", "--nets", "abc" }, "--nets").SetName("RejectsNonNumericNets");
        yield return new TestCaseData(new[] { "sample", "--threads", "0" }, "--threads").SetName("RejectsZeroThreads");
        yield return new TestCaseData(new[] { "sample", "--seed", "-1" }, "--seed").SetName("RejectsNegativeSeed");
        yield return new TestCaseData(new[] { "sample", "--shard", "3/2" }, "--shard").SetName("RejectsShardAboveCount");
        yield return new TestCaseData(new[] { "sample", "--shard", "0/2" }, "--shard").SetName("RejectsShardZero");
        yield return new TestCaseData(new[] { "sample", "--shard", "1-2" }, "--shard").SetName("RejectsShardWithoutSlash");
        yield return new TestCaseData(new[] { "sample", "--method", "magic" }, "--method").SetName("RejectsUnknownMethod");
        yield return new TestCaseData(new[] { "sample", "--config", "/no/such/file.json" }, "--config").SetName("RejectsMissingConfig");
        yield return new TestCaseData(new[] { "merge", "/no/such/file.json" }, "/no/such/file.json").SetName("MergeRejectsMissingFile");
    }

    [TestCaseSource(nameof(Cases))]
    public void BadInputExitsWithTwo(string[] args, string expected)
    {
        var (exit, stdout, stderr) = CliProcess.Run(args);
        Assert.That(exit, Is.EqualTo(2), stderr);
        Assert.That(stderr.Trim(), Does.Contain(expected));
        Assert.That(stderr.Trim(), Does.Not.Contain("\n"), "one line");
        Assert.That(stdout, Is.Empty, "nothing half-written");
    }

    [Test]
    public void RejectsFilesThatDoNotFit()
    {
        (string[] Args, string Expected)[] cases =
        [
            (["sample", "--points", F("points3d.csv")], "--points"),
            (["sample", "--config", F("inf.json"), "--method", "bruteforce"], "features"),
            (["sample", "--config", F("notjson.json")], "notjson.json"),
            (["merge", F("notjson.json")], "notjson.json"),
            (["merge", F("badstate.json")], "badstate.json"),
        ];
        foreach (var (args, expected) in cases)
        {
            var (exit, _, stderr) = CliProcess.Run(args);
            Assert.That(exit, Is.EqualTo(2), string.Join(" ", args) + ": " + stderr);
            Assert.That(stderr.Trim(), Does.Contain(expected).And.Not.Contain("\n"));
        }
    }

    [Test]
    public void CorruptCheckpointIsRefused()
    {
        File.WriteAllText(F("corrupt.ckpt"), "{ \"method\": \"exact\", \"samples\": 1 }");
        var (exit, _, stderr) = CliProcess.Run("sample", "--nets", "10", "--checkpoint", F("corrupt.ckpt"));
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("--checkpoint"));
    }
}
