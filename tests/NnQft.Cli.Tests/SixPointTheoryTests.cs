// SPDX-License-Identifier: MIT
using NnQft.Hybrid.Theory;
using NnQft.Model;
using NnQft.Numerics.MonteCarlo;
using NnQft.Numerics.Results;
using NnQft.Numerics.Sampling;

namespace NnQft.Cli.Tests;

/// <summary>
/// G6c (docs/theory.md section 11): the theory from the engine's order-6 derivation against closed forms written out
/// here, its 1/N_h^2 scaling, and against the unbiased Monte Carlo estimator within 5 standard errors in two kinds of
/// case chosen so that the signal is many standard errors: wide logits with every width infinite (independence
/// breaking alone) and T = 1 with a small d_v (the finite-width term alone).
/// </summary>
public class SixPointTheoryTests
{
    private const double ZBound = 5.0;

    private static readonly PointSet Pair = PointSet.Of([[0.0, 0.0], [0.5, 0.0]]);

    private static readonly TupleSelection Hexes = TupleSelection.Of(
        [[0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 1, 1], [0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 1, 1]], 6, 2, "--g6");

    private static readonly Architecture Limit = Architecture.Default with { Features = Width.Infinite, KeyWidth = Width.Infinite };

    /// <summary>Sum over the 15 pairings of the six points of k k k.</summary>
    private static double PairingSum(IReadOnlyList<int> t, Func<int, int, double> k)
    {
        double sum = 0;
        for (int a = 1; a < 6; a++)
        {
            var rest = Enumerable.Range(1, 5).Where(i => i != a).ToArray();
            for (int b = 1; b < 4; b++)
            {
                var last = rest.Skip(1).Where(i => i != rest[b]).ToArray();
                sum += k(t[0], t[a]) * k(t[rest[0]], t[rest[b]]) * k(t[last[0]], t[last[1]]);
            }
        }
        return sum;
    }

    private static IEnumerable<TestCaseData> KnownCases()
    {
        // T = 1: A = 1, c = s_V^2 k; s_Q = 0: A = 1/T, c = s_V^2 k / T. Either way the field is a scale mixture of a
        // Gaussian with weight w = s_a^2 chi^2_{d_v} / d_v, whose sixth cumulant is (E w^3 - 3 E w^2 E w + 2 (E w)^3) times
        // the pairing sum of c c c: G6c = 8 s_a^6 / d_v^2 * sum_pairings c c c.
        yield return new TestCaseData(Limit with { Tokens = 1, ValueWidth = Width.Of(3), SigmaA = 0.9, SigmaV = 1.1 }, 1.1 * 1.1).SetName("G6cClosedForm(T = 1)");
        yield return new TestCaseData(Limit with { SigmaQ = 0, ValueWidth = Width.Of(5), SigmaA = 0.9, SigmaV = 1.1 }, 1.1 * 1.1 / 4).SetName("G6cClosedForm(sQ sK = 0)");
    }

    [TestCaseSource(nameof(KnownCases))]
    public void SixPointTheoryHasClosedFormsWhenAttentionIsDeterministic(Architecture arch, double cScale)
    {
        var result = TheoryEvaluator.Evaluate(arch, Pair, new TheoryOptions(1000) { G6 = Hexes });
        double K(int a, int b) => cScale * Math.Exp(-Math.Pow(Pair.Distance(a, b), 2) / (2 * 0.7 * 0.7));
        double dv = arch.ValueWidth.Value, sa6 = Math.Pow(0.9, 6);
        Assert.That(result.G6, Has.Count.EqualTo(4));
        foreach (var e in result.G6!)
        {
            double expected = 8 * sa6 / (dv * dv) * PairingSum(e.Index, K);
            Assert.That(e.Connected, Is.EqualTo(expected).Within(1e-9 * expected), string.Join(",", e.Index));
            Assert.That(e.ConnectedStderr, Is.LessThan(1e-12 * expected), "no sampled moment varies");
            double full = sa6 * (1 + 2 / dv) * (1 + 4 / dv) * PairingSum(e.Index, K);
            Assert.That(e.Value, Is.EqualTo(full).Within(1e-9 * full), "G6 = E[w^3] sum_pairings c c c");
        }
    }

    [Test]
    public void SixPointConnectedPartScalesAsInverseHeadsSquared()
    {
        var arch = Limit with { ValueWidth = Width.Infinite, Tokens = 16, SigmaQ = 1.5 };
        var one = TheoryEvaluator.Evaluate(arch, Pair, new TheoryOptions(50_000, 4) { G6 = Hexes }).G6!;
        var three = TheoryEvaluator.Evaluate(arch with { Heads = 3 }, Pair, new TheoryOptions(50_000, 4) { G6 = Hexes }).G6!;
        for (int q = 0; q < one.Count; q++)
            Assert.That(three[q].Connected * 9, Is.EqualTo(one[q].Connected).Within(1e-9 * Math.Abs(one[q].Connected) + 1e-15));
        Assert.That(one.Max(e => Math.Abs(e.Connected) / e.ConnectedStderr), Is.GreaterThan(5), "the scaling is checked on a nonzero G6c");
    }

    private static IEnumerable<TestCaseData> Ensembles()
    {
        // Independence breaking alone: every width infinite, wide logits over 16 tokens (sum_t A_t^2 is then strongly
        // skewed, which is what G6c measures at d_v = inf).
        yield return new TestCaseData(Limit with { ValueWidth = Width.Infinite, Tokens = 16, SigmaQ = 1.5 }, 400_000L).SetName("G6cTheoryAgreesWithMonteCarlo(wide logits, widths inf)");
        // The finite-width term alone: T = 1 and d_v = 3.
        yield return new TestCaseData(Limit with { Tokens = 1, ValueWidth = Width.Of(3) }, 200_000L).SetName("G6cTheoryAgreesWithMonteCarlo(T = 1, d_v = 3)");
    }

    private static (CorrelatorResult Theory, CorrelatorResult MonteCarlo) Run(Architecture theoryArch, Architecture sampled, long nets) =>
        (TheoryEvaluator.Evaluate(theoryArch, Pair, new TheoryOptions(100_000, 8) { G6 = Hexes }),
         MonteCarloSampler.Sample(new SampleOptions(sampled, Pair) { Networks = nets, Seed = 21, Threads = 2, Method = SamplingMethod.Exact, G6 = Hexes }).Result);

    private static double Z(G6Entry t, G6Entry m) =>
        (t.Connected - m.Connected) / Math.Sqrt(t.ConnectedStderr * t.ConnectedStderr + m.ConnectedStderr * m.ConnectedStderr);

    [TestCaseSource(nameof(Ensembles))]
    public void SixPointTheoryAgreesWithMonteCarlo(Architecture arch, long nets)
    {
        var (theory, mc) = Run(arch, arch, nets);
        for (int q = 0; q < theory.G6!.Count; q++)
        {
            var (t, m) = (theory.G6[q], mc.G6![q]);
            Assert.That(t.Index, Is.EqualTo(m.Index));
            TestContext.Out.WriteLine($"G6c({string.Join(",", t.Index)}): theory {t.Connected:G5} +- {t.ConnectedStderr:G3}, MC {m.Connected:G5} +- {m.ConnectedStderr:G3}, z = {Z(t, m):F2}");
            Assert.That(Math.Abs(Z(t, m)), Is.LessThan(ZBound), $"G6c({string.Join(",", t.Index)})");
        }
        Assert.That(mc.G6!.Max(e => e.Connected / e.ConnectedStderr), Is.GreaterThan(7), "the Monte Carlo signal is many standard errors");
    }

    [Test]
    public void SixPointComparisonCatchesAWrongValueWidth()
    {
        // The theory at d_v = 6 against Monte Carlo at d_v = 3: 8/36 against 8/9 of the pairing sum, a difference the
        // comparison must see.
        var arch = Limit with { Tokens = 1, ValueWidth = Width.Of(3) };
        var (theory, mc) = Run(arch with { ValueWidth = Width.Of(6) }, arch, 200_000);
        Assert.That(theory.G6!.Zip(mc.G6!).Max(p => Math.Abs(Z(p.First, p.Second))), Is.GreaterThan(ZBound));
    }
}
