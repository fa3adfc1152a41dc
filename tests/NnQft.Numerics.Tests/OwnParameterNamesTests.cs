// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Numerics.MonteCarlo;

namespace NnQft.Numerics.Tests;

/// <summary>The sampler validates in its own terms: errors name SampleOptions' properties, never a command-line flag.</summary>
public class OwnParameterNamesTests
{
    private static SampleOptions Options => new(Architecture.Default, SampleRuns.Points([0.0, 0.0], [0.5, 0.0])) { Networks = 16 };

    private static IEnumerable<TestCaseData> BadOptions()
    {
        yield return new TestCaseData(Options with { Networks = 0 }, nameof(SampleOptions.Networks)).SetName("NetworksNamedAsNetworks");
        yield return new TestCaseData(Options with { Threads = 0 }, nameof(SampleOptions.Threads)).SetName("ThreadsNamedAsThreads");
        yield return new TestCaseData(Options with { BlocksPerBatch = 0 }, nameof(SampleOptions.BlocksPerBatch)).SetName("BatchNamedAsBlocksPerBatch");
        yield return new TestCaseData(Options with { ShardIndex = 3, ShardCount = 2 }, nameof(SampleOptions.ShardIndex)).SetName("ShardNamedAsShardIndex");
        yield return new TestCaseData(Options with { Points = SampleRuns.Points([0.0, 0.0, 0.0]) }, nameof(SampleOptions.Points)).SetName("PointsNamedAsPoints");
    }

    [TestCaseSource(nameof(BadOptions))]
    public void SamplerNamesItsOwnParameter(SampleOptions options, string parameter)
    {
        var e = Assert.Throws<InvalidInputException>(() => MonteCarloSampler.Sample(options));
        Assert.That(e!.Field, Is.EqualTo(parameter));
        Assert.That(e.Message, Does.Not.Contain("--"));
    }

    [Test]
    public void RenamedKeepsTheRuleAndTheValue()
    {
        var e = new InvalidInputException("Networks", "must be an integer >= 1", "0").Renamed("--nets");
        Assert.That(e.Message, Is.EqualTo("--nets: must be an integer >= 1 (got 0)"));
        Assert.That((e.Field, e.Allowed, e.Got), Is.EqualTo(("--nets", "must be an integer >= 1", "0")));
    }
}
