// SPDX-License-Identifier: MIT
using NnQft.Hybrid.RaoBlackwell;
using NnQft.Model;
using NnQft.Numerics.MonteCarlo;
using NnQft.Numerics.Results;
using NnQft.Numerics.Sampling;

namespace NnQft.Hybrid.Tests;

/// <summary>
/// The Rao-Blackwell estimator (sample --method raoBlackwell) is exact at every width: its G2, G4 and connected G4
/// agree with plain averaging over exact networks (independent seeds) within 5 combined standard errors, on
/// architectures that exercise each branch (finite D, d_k, d_v; all infinite; two heads with a bias; a token override;
/// a constant query; tiny widths). It must also be much less noisy, and bit-identical across threads and shards.
/// </summary>
public class RaoBlackwellTests
{
    private const double MaxZ = 5;

    private static readonly PointSet Three = PointSet.Of([[0.0, 0.0], [0.5, 0.0], [0.3, 0.8]]);

    private static IEnumerable<TestCaseData> Architectures()
    {
        var d = Architecture.Default;
        yield return new TestCaseData(d, 4000L).SetName("DefaultFiniteWidths");
        yield return new TestCaseData(d with { Features = Width.Infinite, KeyWidth = Width.Infinite, ValueWidth = Width.Infinite }, 6000L).SetName("InfiniteWidths");
        yield return new TestCaseData(d with { Heads = 2, SigmaB = 0.6, Tokens = 3 }, 3000L).SetName("TwoHeadsWithBias");
        yield return new TestCaseData(d with
        {
            Tokens = 3,
            TokenOverrides = EquatableList.Create(new TokenOverride(1, new MaternDensity(1.5, 0.4))),
            SigmaK = 1.7,
        }, 4000L).SetName("TokenOverrideStrongLogits");
        yield return new TestCaseData(d with { Features = Width.Of(4), KeyWidth = Width.Of(2), ValueWidth = Width.Of(3), Query = ConstantEmbedding.Instance }, 8000L)
            .SetName("TinyWidthsConstantQuery");
    }

    private static CorrelatorResult Run(Architecture arch, SamplingMethod method, long nets, ulong seed, int threads = 1)
    {
        var options = new SampleOptions(arch, Three) { Networks = nets, Seed = seed, Method = method, Threads = threads };
        if (method == SamplingMethod.RaoBlackwell) options = RaoBlackwellSampling.Options(options);
        return MonteCarloSampler.Sample(options).Result;
    }

    private static double Z(double a, double sa, double b, double sb) => (a - b) / Math.Sqrt(sa * sa + sb * sb);

    [TestCaseSource(nameof(Architectures))]
    public void AgreesWithExactWithinStandardErrors(Architecture arch, long exactNets)
    {
        var exact = Run(arch, SamplingMethod.Exact, exactNets, seed: 101);
        var rb = Run(arch, SamplingMethod.RaoBlackwell, exactNets / 4, seed: 202);
        Assert.That(rb.Method, Is.EqualTo("raoBlackwell"));
        var failures = new List<string>();
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++)
            {
                double z = Z(exact.G2.Value[a][b], exact.G2.Stderr[a][b], rb.G2.Value[a][b], rb.G2.Stderr[a][b]);
                if (!(Math.Abs(z) < MaxZ)) failures.Add($"G2({a},{b}): exact {exact.G2.Value[a][b]:G5} rb {rb.G2.Value[a][b]:G5} z = {z:F2}");
            }
        double worstConnectedRatio = double.PositiveInfinity;
        for (int q = 0; q < exact.G4.Count; q++)
        {
            var (e, r) = (exact.G4[q], rb.G4[q]);
            string at = string.Join(",", e.Index);
            double z4 = Z(e.Value, e.Stderr, r.Value, r.Stderr);
            double zc = Z(e.Connected, e.ConnectedStderr, r.Connected, r.ConnectedStderr);
            if (!(Math.Abs(z4) < MaxZ)) failures.Add($"G4({at}): exact {e.Value:G5} rb {r.Value:G5} z = {z4:F2}");
            if (!(Math.Abs(zc) < MaxZ)) failures.Add($"G4c({at}): exact {e.Connected:G5} rb {r.Connected:G5} z = {zc:F2}");
            Assert.That(r.ConnectedStderr, Is.GreaterThan(0), $"G4c({at}) standard error");
            worstConnectedRatio = Math.Min(worstConnectedRatio, e.ConnectedStderr / r.ConnectedStderr);
        }
        Assert.That(failures, Is.Empty);
        // With a quarter of the networks, Rao-Blackwell must still be at least as precise on every connected entry.
        Assert.That(worstConnectedRatio, Is.GreaterThan(1.0));
    }

    [Test]
    public void ThreadsAndShardsGiveTheSameBits()
    {
        var arch = Architecture.Default with { Heads = 2, SigmaB = 0.3, Features = Width.Of(32) };
        var baseOptions = RaoBlackwellSampling.Options(new SampleOptions(arch, Three) { Networks = 1000, Seed = 9 });
        string one = Strip(MonteCarloSampler.Sample(baseOptions).ToJson());
        string two = Strip(MonteCarloSampler.Sample(baseOptions with { Threads = 2, BlocksPerBatch = 3 }).ToJson());
        Assert.That(two, Is.EqualTo(one), "two threads");
        var shards = Enumerable.Range(1, 3)
            .Select(k => ($"shard{k}", MonteCarloSampler.Sample(baseOptions with { ShardIndex = k, ShardCount = 3 }).ToJson()))
            .Reverse().ToList();
        var merged = MonteCarloSampler.Merge(shards);
        Assert.That(merged.Result.Method, Is.EqualTo("raoBlackwell"));
        Assert.That(Strip(merged.ToJson()), Is.EqualTo(one), "three shards merged in reverse order");
    }

    [Test]
    public void RaoBlackwellAndExactStatesDoNotMerge()
    {
        var exact = MonteCarloSampler.Sample(new SampleOptions(Architecture.Default, Three) { Networks = 128, Seed = 3 }).ToJson();
        var rb = MonteCarloSampler.Sample(RaoBlackwellSampling.Options(new SampleOptions(Architecture.Default, Three) { Networks = 128, Seed = 3 })).ToJson();
        var e = Assert.Throws<InvalidInputException>(() => MonteCarloSampler.Merge([("exact.json", exact), ("rb.json", rb)]));
        Assert.That(e!.Message, Does.Contain("rb.json"));
    }

    [Test]
    public void RaoBlackwellWithoutItsObservationSamplerIsRefused()
    {
        var options = new SampleOptions(Architecture.Default, Three) { Networks = 10, Method = SamplingMethod.RaoBlackwell };
        var e = Assert.Throws<InvalidInputException>(() => MonteCarloSampler.Sample(options));
        Assert.That(e!.Field, Is.EqualTo(nameof(SampleOptions.Method)), "the library names its own parameter, not a flag");
    }

    // Wall seconds are metadata (also inside the state); compare everything else.
    private static string Strip(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove("seconds");
        node.Remove("state");
        return node.ToJsonString();
    }
}
