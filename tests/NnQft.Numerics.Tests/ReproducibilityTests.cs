// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Numerics.Estimation;
using NnQft.Numerics.MonteCarlo;
using NnQft.Numerics.Sampling;

namespace NnQft.Numerics.Tests;

/// <summary>Results are bit-identical for any thread count, batch size, sharding + merge, and checkpoint resume.</summary>
public class ReproducibilityTests
{
    private static readonly Architecture Arch = Architecture.Default with { Features = Width.Of(16), KeyWidth = Width.Of(8), ValueWidth = Width.Of(8) };
    private static readonly PointSet Points = SampleRuns.Points([0.0, 0.0], [0.5, 0.0], [0.3, 0.8], [1.2, -0.4]);
    private const long Nets = 1_500; // 12 blocks, the last one partial

    private static SampleOptions Options => new(Arch, Points) { Networks = Nets, Seed = 99 };

    [Test]
    public void SameBitsForAnyThreadsAndBatchSize()
    {
        var reference = MonteCarloSampler.Sample(Options with { Threads = 1 }).Result;
        foreach (var (threads, batch) in new[] { (2, 1), (3, 1), (2, 3), (1, 5) })
        {
            var other = MonteCarloSampler.Sample(Options with { Threads = threads, BlocksPerBatch = batch }).Result;
            Assert.That(SampleRuns.SameBits(reference, other), Is.True, $"threads {threads}, batch {batch}");
        }
    }

    [Test]
    public void ShardsMergeToTheUnshardedResult()
    {
        var whole = MonteCarloSampler.Sample(Options with { Threads = 2 });
        var shards = Enumerable.Range(1, 3)
            .Select(k => MonteCarloSampler.Sample(Options with { ShardIndex = k, ShardCount = 3 }))
            .Select((o, k) => ($"shard{k}", o.ToJson()))
            .Reverse() // merge order must not matter either
            .ToList();
        var merged = MonteCarloSampler.Merge(shards);
        Assert.That(merged.Result.Samples, Is.EqualTo(Nets));
        Assert.That(SampleRuns.SameBits(whole.Result, merged.Result), Is.True);
    }

    [Test]
    public void MergeRefusesOverlapsAndForeignRuns()
    {
        var one = MonteCarloSampler.Sample(Options with { ShardIndex = 1, ShardCount = 2 }).ToJson();
        var foreign = MonteCarloSampler.Sample(Options with { ShardIndex = 2, ShardCount = 2, Seed = 100 }).ToJson();
        Assert.That(() => MonteCarloSampler.Merge([("a", one), ("b", one)]),
            Throws.TypeOf<InvalidInputException>().With.Message.Contains("overlaps"));
        Assert.That(() => MonteCarloSampler.Merge([("a", one), ("b", foreign)]),
            Throws.TypeOf<InvalidInputException>().With.Message.Contains("different run"));
    }

    [Test]
    public void MergeNamesADifferentLayoutAsSuch()
    {
        // The same run identity over a state of another layout (a hand-edited or corrupted file) is no overlap.
        var first = MonteCarloSampler.Sample(Options with { ShardIndex = 1, ShardCount = 2 });
        var decoded = StateCodec.Decode(first.State, "first");
        var otherLayout = StateCodec.Encode(decoded.Identity, 2, 2, new MomentState(Points.Count + 1));
        var second = new SampleOutcome(first.Result, otherLayout).ToJson();
        Assert.That(() => MonteCarloSampler.Merge([("a", first.ToJson()), ("b", second)]),
            Throws.TypeOf<InvalidInputException>().With.Message.Contains("different layout").And.Message.Not.Contains("overlaps"));
    }

    [Test]
    public void DifferentSeedsGiveDifferentResults()
    {
        var a = MonteCarloSampler.Sample(Options).Result;
        var b = MonteCarloSampler.Sample(Options with { Seed = 98 }).Result;
        Assert.That(SampleRuns.SameBits(a, b), Is.False);
    }
}
