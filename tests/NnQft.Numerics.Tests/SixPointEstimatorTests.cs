// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Numerics.Estimation;
using NnQft.Numerics.MonteCarlo;
using NnQft.Numerics.Randomness;
using NnQft.Numerics.Results;

namespace NnQft.Numerics.Tests;

/// <summary>
/// The six-point estimator (docs/theory.md section 11) on distributions with known cumulants, and its exact sums:
/// bit-identical for any threads, shards and checkpoint resumption, like G4. phi = (X, Y) with X, Y iid uniform on
/// [-sqrt 3, sqrt 3] (variance 1): kappa_6(X) = 12^3 B_6 / 6 = 48/7 and every mixed cumulant vanishes.
/// </summary>
public class SixPointEstimatorTests
{
    private const double UniformKappa6 = 48.0 / 7;

    private static readonly TupleSelection Tuples = TupleSelection.Of([[0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 1, 1], [0, 0, 0, 1, 1, 1]], 6, 2, "--g6");

    private static double StandardUniform(NetworkRandom r) => Math.Sqrt(3) * (2 * r.Uniform() - 1);

    private static IReadOnlyList<G6Entry> Estimate(int n, NetworkRandom random)
    {
        var layout = new SixPointLayout(2, Tuples);
        var state = new MomentState(new MomentLayout(2, TupleSelection.None(4)), layout);
        var sums = new double[state.Layout.Length];
        var sixSums = new double[layout.Length];
        var scratch = new double[state.Layout.BlockScratchLength(1)];
        var y = new double[layout.ScratchLength];
        for (int i = 0; i < n; i++)
        {
            double[] phi = [StandardUniform(random), StandardUniform(random)];
            state.Layout.Accumulate(phi, sums, scratch);
            layout.Accumulate(phi, sixSums, y);
        }
        state.AddBlock(0, sums, n, sixSums);
        return CorrelatorEstimator.Estimate(state, "test", SampleRuns.Points([0.0], [1.0])).G6!;
    }

    [Test]
    public void ConnectedPartIsUnbiasedAtTinySamples() => UnbiasedAt(4, 10_000);

    [Test]
    [Category("Slow")]
    public void ConnectedPartIsUnbiasedAtTheSmallestSample() => UnbiasedAt(3, 40_000);

    private static void UnbiasedAt(int n, int replicates)
    {
        // Replicates of n networks each: the U-statistic is unbiased at every n >= 3, where the plug-in
        // m6 - 15 m4 m2 + 30 m2^3 is far off (checked below, so the test could see a bias).
        var random = new NetworkRandom(23, n);
        var pure = new double[replicates];
        var mixed = new double[replicates];
        var odd = new double[replicates];
        var plugIn = new double[replicates];
        var uniform = new NetworkRandom(24, n);
        for (int r = 0; r < replicates; r++)
        {
            var e = Estimate(n, random);
            (pure[r], mixed[r], odd[r]) = (e[0].Connected, e[1].Connected, e[2].Connected);
            var xs = Enumerable.Range(0, n).Select(_ => StandardUniform(uniform)).ToArray();
            double M(int k) => xs.Average(x => Math.Pow(x, k));
            plugIn[r] = M(6) - 15 * M(4) * M(2) + 30 * Math.Pow(M(2), 3);
        }
        AssertMean(pure, UniformKappa6, "G6c(0,0,0,0,0,0)");
        AssertMean(mixed, 0, "G6c(0,0,0,0,1,1)");
        AssertMean(odd, 0, "G6c(0,0,0,1,1,1)");
        TestContext.Out.WriteLine($"plug-in mean {plugIn.Average():G4} +- {StandardError(plugIn):G3}");
        Assert.That(Math.Abs(plugIn.Average() - UniformKappa6), Is.GreaterThan(10 * StandardError(pure)), "the plug-in is visibly biased here");
    }

    [Test]
    public void ConnectedStandardErrorMatchesTheSpreadOfReplicates()
    {
        const int replicates = 1_000, n = 400;
        var random = new NetworkRandom(25, 0);
        var values = new double[replicates];
        var errors = new double[replicates];
        var fullValues = new double[replicates];
        var fullErrors = new double[replicates];
        for (int r = 0; r < replicates; r++)
        {
            var e = Estimate(n, random)[0];
            (values[r], errors[r], fullValues[r], fullErrors[r]) = (e.Connected, e.ConnectedStderr, e.Value, e.Stderr);
        }
        // The sd of 1000 replicates is known to ~3% (more with these heavy sixth-power tails); 15% is the bound.
        Assert.That(errors.Average() / StandardDeviation(values), Is.InRange(0.85, 1.15), "G6c");
        Assert.That(fullErrors.Average() / StandardDeviation(fullValues), Is.InRange(0.85, 1.15), "G6");
        AssertMean(fullValues, 27.0 / 7, "G6 = E X^6 = 27/7");
    }

    private static readonly Architecture Arch = Architecture.Default with { Features = Width.Of(16), KeyWidth = Width.Of(8), ValueWidth = Width.Of(8) };
    private static readonly PointSet Three = SampleRuns.Points([0.0, 0.0], [0.5, 0.0], [0.3, 0.8]);
    private static readonly TupleSelection ThreePointTuples = TupleSelection.Of([[0, 0, 0, 0, 0, 0], [0, 0, 1, 1, 2, 2], [0, 1, 1, 2, 2, 2]], 6, 3, "--g6");

    private static SampleOptions Options => new(Arch, Three) { Networks = 1_500, Seed = 5, G6 = ThreePointTuples };

    private static bool SameSixPointBits(CorrelatorResult a, CorrelatorResult b) =>
        a.G6!.Count == b.G6!.Count && a.G6.Zip(b.G6).All(p =>
            p.First.Index.SequenceEqual(p.Second.Index)
            && new[] { p.First.Value, p.First.Stderr, p.First.Connected, p.First.ConnectedStderr }.Select(BitConverter.DoubleToInt64Bits)
                .SequenceEqual(new[] { p.Second.Value, p.Second.Stderr, p.Second.Connected, p.Second.ConnectedStderr }.Select(BitConverter.DoubleToInt64Bits)));

    [Test]
    public void SixPointSumsAreBitIdenticalAcrossThreadsShardsAndCheckpoints()
    {
        var reference = MonteCarloSampler.Sample(Options with { Threads = 1 }).Result;
        Assert.That(reference.G6, Has.Count.EqualTo(3));
        var threaded = MonteCarloSampler.Sample(Options with { Threads = 3, BlocksPerBatch = 2 }).Result;
        Assert.That(SameSixPointBits(reference, threaded) && SampleRuns.SameBits(reference, threaded), "threads");

        var shards = Enumerable.Range(1, 3).Select(k => (k.ToString(), MonteCarloSampler.Sample(Options with { ShardIndex = k, ShardCount = 3 }).ToJson())).ToList();
        var merged = MonteCarloSampler.Merge(shards).Result;
        Assert.That(SameSixPointBits(reference, merged), "shards merged");
        var reportOne = TupleSelection.Of([[0, 0, 1, 1, 2, 2]], 6, 3, "--g6");
        Assert.That(MonteCarloSampler.Merge(shards, g6: reportOne).Result.G6!.Single().Connected, Is.EqualTo(reference.G6![1].Connected));

        string dir = Path.Combine(Path.GetTempPath(), "nnqft-g6-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var options = Options with { Threads = 2, CheckpointPath = Path.Combine(dir, "run.json"), CheckpointInterval = TimeSpan.Zero };
            Assert.That(() => MonteCarloSampler.Sample(options with
            {
                Progress = (done, _) => { if (done >= 600) throw new OperationCanceledException("simulated crash"); },
            }), Throws.Exception);
            var resumed = MonteCarloSampler.Sample(options).Result;
            Assert.That(SameSixPointBits(reference, resumed), "checkpoint resumed");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void MergeRefusesADifferentSixPointSelection()
    {
        var one = MonteCarloSampler.Sample(Options with { ShardIndex = 1, ShardCount = 2 }).ToJson();
        var other = MonteCarloSampler.Sample(Options with { ShardIndex = 2, ShardCount = 2, G6 = TupleSelection.Of([[0, 0, 0, 0, 0, 0]], 6, 3, "--g6") }).ToJson();
        Assert.That(() => MonteCarloSampler.Merge([("a", one), ("b", other)]), Throws.TypeOf<InvalidInputException>().With.Message.Contains("b"));
        Assert.That(() => MonteCarloSampler.Merge([("a", one)], g6: TupleSelection.Of([[1, 1, 1, 1, 1, 1]], 6, 3, "--g6")),
            Throws.TypeOf<InvalidInputException>().With.Message.Contains("--g6"));
        var plain = MonteCarloSampler.Sample(Options with { G6 = TupleSelection.None(6) }).Result;
        Assert.That(plain.G6, Is.Null, "no g6 key without --g6");
        Assert.That(CorrelatorResultJson.Write(plain), Does.Not.Contain("\"g6\""));
        var back = CorrelatorResultJson.Read(MonteCarloSampler.Sample(Options).ToJson()).Result;
        Assert.That(back.G6, Has.Count.EqualTo(3));
    }

    private static double StandardDeviation(double[] v)
    {
        double mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
    }

    private static double StandardError(double[] v) => StandardDeviation(v) / Math.Sqrt(v.Length);

    private static void AssertMean(double[] values, double truth, string what)
    {
        double mean = values.Average(), se = StandardError(values);
        Assert.That(Math.Abs(mean - truth), Is.LessThan(5 * se), $"{what}: mean {mean} +- {se}, truth {truth}");
        TestContext.Out.WriteLine($"{what}: mean {mean:G5} +- {se:G3}, truth {truth:G5}");
    }

    [Test]
    public void SixPointOverflowIsRefusedNamingTheTwelfthPower()
    {
        // sigma_V = 1e27: the G2 and G4 sums (outputs to the eighth power at most, 1e216) stay finite, the squared
        // six-point products (1e324) do not; the refusal names the power that overflowed.
        var options = Options with { Architecture = Arch with { SigmaV = 1e27 }, Networks = 100, G4 = TupleSelection.None(4) };
        var error = Assert.Throws<InvalidInputException>(() => MonteCarloSampler.Sample(options));
        Assert.That(error!.Message, Does.Contain("twelfth power").And.Contain("about 1e25 per output"));
        Assert.DoesNotThrow(() => MonteCarloSampler.Sample(options with { Architecture = Arch with { SigmaV = 1e20 } }), "the guard passes where the sums fit");
    }
}
