// SPDX-License-Identifier: MIT
using System.Globalization;
using NnQft.Numerics.Results;

namespace NnQft.Cli.Tests;

/// <summary>
/// sample and merge --g4 all|none|FILE (docs/cli.md section 5): a selection lists exactly its tuples with the numbers
/// of the full run, G2-only runs pass the old 32-point cap, merge keeps the selection and refuses to mix them, and bad
/// input fails with one line naming the field.
/// </summary>
public class SampleG4SelectionTests
{
    private string dir = "";

    [SetUp]
    public void SetUp()
    {
        dir = Path.Combine(Path.GetTempPath(), "nnqft-cli-g4-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(F("arch.json"), "{ \"features\": 16, \"keyWidth\": 8, \"valueWidth\": 8 }");
        File.WriteAllText(F("points.csv"), "0,0\n0.5,0\n0.3,0.8\n1.2,-0.4\n");
        File.WriteAllText(F("tuples.csv"), "3,2,1,0\n0,0,1,1\n# repeated, in another order\n1,1,0,0\n");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    private string F(string name) => Path.Combine(dir, name);

    private string[] Sample(string g4, string output, string shard = "1/1") =>
        ["sample", "--config", F("arch.json"), "--points", F("points.csv"), "--nets", "1024", "--seed", "3", "--g4", g4, "--shard", shard, "--out", F(output)];

    private CorrelatorResult Run(params string[] args)
    {
        var (exit, _, err) = CliProcess.Run(args);
        Assert.That(exit, Is.EqualTo(0), err);
        return CorrelatorResultJson.Read(File.ReadAllText(args[^1])).Result;
    }

    private static long Bits(double v) => BitConverter.DoubleToInt64Bits(v);

    [Test]
    public void ATupleFileListsItsSortedTuplesWithTheNumbersOfTheFullRun()
    {
        var all = Run(Sample("all", "all.json"));
        var few = Run(Sample(F("tuples.csv"), "few.json"));
        Assert.That(few.G4.Select(e => string.Join("", e.Index)), Is.EqualTo(new[] { "0011", "0123" }));
        Assert.That(few.G4Selection!.Kind, Is.EqualTo(Model.SelectionKind.Listed));
        foreach (var e in few.G4)
        {
            var full = all.G4.Single(a => a.Index.SequenceEqual(e.Index));
            Assert.That(Bits(e.Value), Is.EqualTo(Bits(full.Value)));
            Assert.That(Bits(e.Connected), Is.EqualTo(Bits(full.Connected)));
            Assert.That(e.Stderr, Is.EqualTo(full.Stderr).Within(1e-9).Percent);
            Assert.That(e.ConnectedStderr, Is.EqualTo(full.ConnectedStderr).Within(1e-9).Percent);
        }
        var none = Run(Sample("none", "none.json"));
        Assert.That(none.G4, Is.Empty);
        for (int i = 0; i < 4; i++)
            Assert.That(none.G2.Value[i].Select(Bits), Is.EqualTo(all.G2.Value[i].Select(Bits)));
    }

    [Test]
    public void MergeKeepsTheSelectionAndRefusesToMixSelections()
    {
        Run(Sample(F("tuples.csv"), "s1.json", "1/2"));
        Run(Sample(F("tuples.csv"), "s2.json", "2/2"));
        var merged = Run("merge", F("s1.json"), F("s2.json"), "--out", F("merged.json"));
        var whole = Run(Sample(F("tuples.csv"), "whole.json"));
        Assert.That(merged.G4.Select(e => Bits(e.Connected)), Is.EqualTo(whole.G4.Select(e => Bits(e.Connected))));
        Assert.That(merged.G4Selection!.Kind, Is.EqualTo(Model.SelectionKind.Listed));

        Run(Sample("none", "n2.json", "2/2"));
        var (exit, _, err) = CliProcess.Run("merge", F("s1.json"), F("n2.json"), "--out", F("mixed.json"));
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(err, Does.Contain("other G4 tuples"));
        Assert.That(File.Exists(F("mixed.json")), Is.False);

        // merge --g4 may report part of what was accumulated, never more.
        File.WriteAllText(F("one.csv"), "0,1,2,3\n");
        var part = Run("merge", F("s1.json"), F("s2.json"), "--g4", F("one.csv"), "--out", F("part.json"));
        Assert.That(part.G4.Select(e => string.Join("", e.Index)), Is.EqualTo(new[] { "0123" }));
        (exit, _, err) = CliProcess.Run("merge", F("s1.json"), F("s2.json"), "--g4", "all", "--out", F("more.json"));
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(err, Does.StartWith("nnqft: --g4"));
    }

    [Test]
    public void AG2OnlyRunPassesTheOldThirtyTwoPointCap()
    {
        File.WriteAllText(F("many.csv"), string.Concat(Enumerable.Range(0, 40).Select(i => string.Create(CultureInfo.InvariantCulture, $"{0.05 * i},{0.1 * (i % 7)}\n"))));
        var r = Run("sample", "--config", F("arch.json"), "--points", F("many.csv"), "--nets", "256", "--g4", "none", "--out", F("many.json"));
        Assert.That(r.G2.Value, Has.Count.EqualTo(40));
        Assert.That(r.G4, Is.Empty);
    }

    [TestCase("all", "--g4", "GB")]
    [TestCase("bad", "--g4 line 2", "0..1023")]
    public void BadSelectionsFailUpFrontWithOneLine(string which, string field, string allowed)
    {
        File.WriteAllText(F("many.csv"), string.Concat(Enumerable.Range(0, 1024).Select(i => string.Create(CultureInfo.InvariantCulture, $"{0.01 * i},0\n"))));
        File.WriteAllText(F("bad.csv"), "0,1,2,3\n0,1,2,1024\n");
        string g4 = which == "bad" ? F("bad.csv") : which;
        var (exit, _, err) = CliProcess.Run("sample", "--points", F("many.csv"), "--g4", g4, "--out", F("never.json"));
        Assert.That(exit, Is.EqualTo(2), err);
        Assert.That(err.Trim().Split('\n'), Has.Length.EqualTo(1), err);
        Assert.That(err, Does.StartWith("nnqft: " + field).And.Contain(allowed));
        Assert.That(File.Exists(F("never.json")), Is.False);
    }
}
