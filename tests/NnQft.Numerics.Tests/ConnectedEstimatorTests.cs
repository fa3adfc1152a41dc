// SPDX-License-Identifier: MIT
using NnQft.Numerics.Estimation;
using NnQft.Numerics.Randomness;

namespace NnQft.Numerics.Tests;

/// <summary>
/// The connected four-point estimator on distributions with known cumulants. phi = (X, Y) with X, Y iid, mean 0,
/// variance 1: G4c(0,0,0,0) = kappa_4 of X and G4c(0,0,1,1) = 0.
/// </summary>
public class ConnectedEstimatorTests
{
    // Centred Exp(1): kappa_4 = 6, m4 = 9.
    private static double CentredExponential(NetworkRandom r) => -Math.Log(r.UniformPositive()) - 1;

    // Uniform on [-sqrt 3, sqrt 3]: kappa_4 = -6/5.
    private static double StandardUniform(NetworkRandom r) => Math.Sqrt(3) * (2 * r.Uniform() - 1);

    private static (double C0000, double Se0000, double C0011) Estimate(Func<NetworkRandom, double> draw, int n, NetworkRandom random)
    {
        var state = new MomentState(2);
        var scratch = new double[2 + state.Layout.Quads.Count];
        var sums = new double[state.Layout.Length];
        for (int i = 0; i < n; i++) state.Layout.Accumulate([draw(random), draw(random)], sums, scratch);
        state.AddBlock(0, sums, n);
        var result = CorrelatorEstimator.Estimate(state, "test", SampleRuns.Points([0.0], [1.0]));
        var e0000 = result.G4.Single(e => e.Index.SequenceEqual([0, 0, 0, 0]));
        var e0011 = result.G4.Single(e => e.Index.SequenceEqual([0, 0, 1, 1]));
        return (e0000.Connected, e0000.ConnectedStderr, e0011.Connected);
    }

    [Test]
    public void ConnectedPartIsUnbiasedAtTinySamples()
    {
        // 20,000 replicates of n = 5: the plug-in m4 - 3 m2^2 would average 6 - 3 (9 - 1)/5 = 1.2, not 6.
        const int replicates = 20_000, n = 5;
        var random = new NetworkRandom(17, 0);
        var values = new double[replicates];
        var cross = new double[replicates];
        for (int r = 0; r < replicates; r++) (values[r], _, cross[r]) = Estimate(CentredExponential, n, random);
        AssertMean(values, 6.0, "G4c(0,0,0,0)");
        AssertMean(cross, 0.0, "G4c(0,0,1,1)");
        double plugInMean = 6.0 - 3 * 8.0 / n;
        Assert.That(Math.Abs(values.Average() - plugInMean), Is.GreaterThan(1.0), "the test must be able to see the plug-in bias");
    }

    [Test]
    public void ConnectedStandardErrorMatchesTheSpreadOfReplicates()
    {
        // n = 400 per replicate: the reported standard error must match the replicates' standard deviation.
        const int replicates = 1_000, n = 400;
        var random = new NetworkRandom(18, 0);
        var values = new double[replicates];
        var errors = new double[replicates];
        for (int r = 0; r < replicates; r++) (values[r], errors[r], _) = Estimate(StandardUniform, n, random);
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (replicates - 1));
        double ratio = errors.Average() / sd;
        // The standard deviation of a sample sd over 1000 replicates is about 2-3% here; 15% is a wide margin.
        Assert.That(ratio, Is.InRange(0.85, 1.15), $"mean reported SE {errors.Average()} vs replicate SD {sd}");
        AssertMean(values, -1.2, "G4c(0,0,0,0) uniform");
    }

    private static void AssertMean(double[] values, double truth, string what)
    {
        double mean = values.Average();
        double se = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1) / values.Length);
        Assert.That(Math.Abs(mean - truth), Is.LessThan(5 * se), $"{what}: mean {mean} +- {se}, truth {truth}");
    }
}
