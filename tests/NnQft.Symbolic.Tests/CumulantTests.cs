// SPDX-License-Identifier: MIT
using NnQft.Symbolic;

namespace NnQft.Symbolic.Tests;

public sealed class CumulantTests
{
    [TestCase(1, 1)]
    [TestCase(2, 2)]
    [TestCase(4, 15)]
    [TestCase(6, 203)]
    public void SetPartitionsCountTheBellNumbers(int n, int bell) =>
        Assert.That(SetPartitions.Of(n).Count(), Is.EqualTo(bell));

    [TestCase(4, 3)]
    [TestCase(6, 15)]
    [TestCase(8, 105)]
    public void MatchingsCountTheDoubleFactorial(int n, int count) =>
        Assert.That(SetPartitions.Matchings(n), Has.Count.EqualTo(count));

    [Test]
    public void MomentsAndCumulantsRoundTripUpToSixPoints()
    {
        var xs = Enumerable.Range(1, 6).Select(k => (Expr)RandomVariable.Of("X", [k], [])).ToList();
        for (int n = 2; n <= 6; n++)
        {
            var moment = Expectation.Of(Product.Of(xs.Take(n)));
            var asCumulants = MomentsCumulants.ToCumulantForm(moment);
            var back = Expansion.Expand(MomentsCumulants.ToMomentForm(asCumulants));
            Assert.That(back, Is.EqualTo(moment), $"n = {n}");
        }
    }

    [Test]
    public void ConnectedCorrelatorsOfAGaussianVanish()
    {
        // Moments of a centred Gaussian with covariance K(a, b): their connected parts beyond 2 are zero.
        var family = new GaussianFamily("g", (p, q) => Apply.Of("K", [p.Points[0], q.Points[0]]));
        var engine = new WickEngine([family]);
        var points = Enumerable.Range(1, 6).Select(k => (Expr)new Symbol("x" + k)).ToList();
        Expr Moment(IReadOnlyList<int> block) => engine.Expectation(Product.Of(block.Select(i => (Expr)RandomVariable.Of("g", [], [points[i]]))));
        Assert.That(Expansion.Expand(MomentsCumulants.Connected(4, Moment)), Is.EqualTo((Expr)Number.Zero));
        Assert.That(Expansion.Expand(MomentsCumulants.Connected(6, Moment)), Is.EqualTo((Expr)Number.Zero));
        Assert.That(MomentsCumulants.Connected(2, Moment), Is.EqualTo((Expr)Apply.Of("K", [points[0], points[1]])));
    }
}
