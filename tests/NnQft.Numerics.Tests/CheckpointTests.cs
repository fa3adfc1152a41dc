// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Numerics.MonteCarlo;

namespace NnQft.Numerics.Tests;

/// <summary>Checkpoints resume to the bit-identical result and are refused when corrupt or foreign.</summary>
public class CheckpointTests
{
    private static readonly Architecture Arch = Architecture.Default with { Features = Width.Of(8), KeyWidth = Width.Of(4), ValueWidth = Width.Of(4) };
    private static readonly PointSet Points = SampleRuns.Points([0.0, 0.0], [0.5, 0.0], [0.3, 0.8]);
    private string dir = "";

    [SetUp]
    public void SetUp()
    {
        dir = Path.Combine(Path.GetTempPath(), "nnqft-ckpt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    private SampleOptions Options(string file) =>
        new(Arch, Points) { Networks = 2_000, Seed = 3, Threads = 2, CheckpointPath = Path.Combine(dir, file), CheckpointInterval = TimeSpan.Zero };

    [Test]
    public void InterruptedRunResumesToTheSameBits()
    {
        var uninterrupted = MonteCarloSampler.Sample(Options("full.json") with { CheckpointPath = null }).Result;
        var options = Options("run.json");
        // Abort the run from inside (as a crash would) once some blocks are saved.
        Assert.That(() => MonteCarloSampler.Sample(options with
        {
            Progress = (done, _) => { if (done >= 600) throw new OperationCanceledException("simulated crash"); },
        }), Throws.Exception);
        Assert.That(File.Exists(options.CheckpointPath), Is.True);
        var resumed = MonteCarloSampler.Sample(options).Result;
        Assert.That(SampleRuns.SameBits(uninterrupted, resumed), Is.True);
    }

    [Test]
    public void CorruptCheckpointIsRefused()
    {
        var options = Options("c.json");
        MonteCarloSampler.Sample(options with { Networks = 300 });
        string text = File.ReadAllText(options.CheckpointPath!);
        int at = text.IndexOf("\"state\": \"", StringComparison.Ordinal) + 30;
        File.WriteAllText(options.CheckpointPath!, text[..at] + (text[at] == 'A' ? 'B' : 'A') + text[(at + 1)..]);
        Assert.That(() => MonteCarloSampler.Sample(options with { Networks = 300 }),
            Throws.TypeOf<InvalidInputException>().With.Property("Field").EqualTo(nameof(SampleOptions.CheckpointPath)));
        File.WriteAllText(options.CheckpointPath!, "not json");
        Assert.That(() => MonteCarloSampler.Sample(options with { Networks = 300 }),
            Throws.TypeOf<InvalidInputException>().With.Property("Field").EqualTo(nameof(SampleOptions.CheckpointPath)));
    }

    [Test]
    public void CheckpointOfAnotherRunIsRefused()
    {
        var options = Options("m.json") with { Networks = 300 };
        MonteCarloSampler.Sample(options);
        foreach (var other in new[] { options with { Seed = 4 }, options with { Networks = 301 }, options with { ShardIndex = 1, ShardCount = 2 },
                     options with { Architecture = Arch with { SigmaV = 2 } } })
            Assert.That(() => MonteCarloSampler.Sample(other),
                Throws.TypeOf<InvalidInputException>().With.Message.Contains("different run"));
    }
}
