// SPDX-License-Identifier: MIT
using NnQft.Numerics.Estimation;
using NnQft.Numerics.Randomness;

namespace NnQft.Numerics.Tests;

/// <summary>
/// The estimator for observations that are not products of one field (Rao-Blackwell: X4 != X2 X2). Fed the products
/// of one phi it must reproduce the direct estimator; fed X4 independent of X2 its connected part must be unbiased.
/// </summary>
public class ConditionalEstimatorTests
{
    private static readonly Model.PointSet Two = SampleRuns.Points([0.0], [1.0]);

    private static Results.CorrelatorResult Estimate(MomentState state, IEnumerable<(double[] X2, double[] X4)> observations)
    {
        var sums = new double[state.Layout.Length];
        long n = 0;
        foreach (var (x2, x4) in observations)
        {
            state.Layout.AccumulateObservations(x2, x4, sums);
            n++;
        }
        state.AddBlock(0, sums, n);
        return CorrelatorEstimator.Estimate(state, "test", Two);
    }

    [Test]
    public void ProductObservationsReproduceTheDirectEstimator()
    {
        var random = new NetworkRandom(5, 0);
        var direct = new MomentState(2);
        var conditional = new MomentState(2, conditional: true);
        var layout = direct.Layout;
        var phis = Enumerable.Range(0, 50).Select(_ => new[] { random.Normal() + 0.3, Math.Exp(random.Normal()) }).ToList();
        var scratch = new double[2 + layout.Quads.Count];
        var sums = new double[layout.Length];
        foreach (var phi in phis) layout.Accumulate(phi, sums, scratch);
        direct.AddBlock(0, sums, phis.Count);
        var expected = CorrelatorEstimator.Estimate(direct, "test", Two);
        var actual = Estimate(conditional, phis.Select(phi =>
        {
            var x2 = layout.Pairs.Select(p => phi[p.A] * phi[p.B]).ToArray();
            var x4 = layout.Quads.Select(q => q.Aggregate(1.0, (m, i) => m * phi[i])).ToArray();
            return (x2, x4);
        }));
        for (int q = 0; q < expected.G4.Count; q++)
        {
            var (e, a) = (expected.G4[q], actual.G4[q]);
            Assert.That(a.Value, Is.EqualTo(e.Value).Within(1e-12).Percent);
            Assert.That(a.Connected, Is.EqualTo(e.Connected).Within(1e-9).Percent);
            Assert.That(a.ConnectedStderr, Is.EqualTo(e.ConnectedStderr).Within(1e-9).Percent);
            Assert.That(a.Stderr, Is.EqualTo(e.Stderr).Within(1e-9).Percent);
        }
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                Assert.That(actual.G2.Stderr[i][j], Is.EqualTo(expected.G2.Stderr[i][j]).Within(1e-9).Percent);
    }

    [Test]
    public void ConnectedPartOfCorrelatedObservationsIsUnbiasedAtTinySamples()
    {
        // X2_00 = X2_01 = X2_11 = Y with Y ~ Exp(1) (E Y = 1), X4 = 2 Y^2 + U, U ~ N(0,1) independent:
        // E[X4] = 4, so G4c(0,0,0,0) = 4 - 3 E[Y]^2 = 1. The plug-in 4 - 3 m^2 averages 4 - 3 (1 + 1/n) = 1 - 3/n.
        const int replicates = 20_000, n = 4;
        var random = new NetworkRandom(23, 0);
        var values = new double[replicates];
        for (int r = 0; r < replicates; r++)
        {
            var obs = Enumerable.Range(0, n).Select(_ =>
            {
                double y = -Math.Log(random.UniformPositive());
                double x4 = 2 * y * y + random.Normal();
                return (new[] { y, y, y }, Enumerable.Repeat(x4, 5).ToArray());
            }).ToList();
            values[r] = Estimate(new MomentState(2, conditional: true), obs).G4[0].Connected;
        }
        double mean = values.Average();
        double se = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Sum() / (replicates - 1) / replicates);
        Assert.That(Math.Abs(mean - 1.0) / se, Is.LessThan(5), $"mean {mean} +- {se}");
        Assert.That(3.0 / n, Is.GreaterThan(10 * se), "the test must be able to see the plug-in bias");
    }
}
