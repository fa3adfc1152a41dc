// SPDX-License-Identifier: MIT
using NnQft.Hybrid.Theory;
using NnQft.Model;
using NnQft.Numerics.Results;
using NnQft.Symbolic;

namespace NnQft.Hybrid.Tests;

/// <summary>
/// Six-point theory on the one-pass engine (docs/theory.md section 11) against numbers stored from the earlier,
/// independent implementation: that one found each coefficient of the sampled moments by evaluating the derived forms
/// with unit moment vectors, per tuple, and took standard errors from per-sample statistics. Stored at the default
/// architecture (D = d_k = inf), the default points, 20,000 logit samples, seed 3.
/// </summary>
public class SixPointEngineTests
{
    private const double ZBound = 5.0;

    private const long Samples = 20_000;

    private static readonly Architecture Limit = TheoryEvaluator.Limit(Architecture.Default);

    // Index; G6 and its standard error; G6c and its standard error.
    private static readonly (int[] Index, double Value, double Stderr, double Connected, double ConnectedStderr)[] Stored =
    [
        ([0, 0, 1, 1, 1, 1], 0.6149145414296807, 0.011069868523106265, 0.030420694731293132, 0.010430370697758007),
        ([0, 0, 1, 2, 2, 3], 0.053281060226164606, 0.0007548265369120465, 0.0009107981458827927, 0.0009515701014283375),
        ([0, 1, 1, 2, 3, 3], 0.07237222416129548, 0.001061883478856458, 0.0008179635678569369, 0.0013577040570024992),
        ([1, 2, 2, 3, 3, 3], 0.08403990647792786, 0.001377038524438459, 0.0008567647866380854, 0.0015900554443643656),
    ];

    private static TupleSelection Hexes => TupleSelection.Of(Stored.Select(s => s.Index), 6, PointSet.Default.Count, "--g6");

    private static IReadOnlyList<G6Entry> Theory(ulong seed) =>
        TheoryEvaluator.Evaluate(Limit, PointSet.Default, new TheoryOptions(Samples, seed) { G4 = TupleSelection.None(4), G6 = Hexes }).G6!;

    [Test]
    public void SixPointEngineReproducesTheStoredNumbersAtTheirSeed()
    {
        // The same seed draws the same logit samples, so the means agree to round-off (the forms are linear in the
        // sample means of the moments); the standard errors are batch means against per-sample ones, each about 6%
        // uncertain (128 batches), so they agree within 30%.
        var fresh = Theory(3);
        for (int q = 0; q < Stored.Length; q++)
        {
            var (s, f) = (Stored[q], fresh[q]);
            Assert.That(f.Index, Is.EqualTo(s.Index));
            Assert.That(f.Value, Is.EqualTo(s.Value).Within(1e-10 * s.Value), $"G6{string.Join(",", s.Index)}");
            Assert.That(f.Connected, Is.EqualTo(s.Connected).Within(1e-10 * s.Value), $"G6c{string.Join(",", s.Index)}");
            Assert.That(f.Stderr, Is.EqualTo(s.Stderr).Within(0.3 * s.Stderr));
            Assert.That(f.ConnectedStderr, Is.EqualTo(s.ConnectedStderr).Within(0.3 * s.ConnectedStderr));
        }
    }

    [Test]
    public void SixPointEngineAgreesWithTheStoredNumbersAtAnotherSeed()
    {
        var fresh = Theory(11);
        for (int q = 0; q < Stored.Length; q++)
        {
            Assert.That(Math.Abs(Z(fresh[q].Value, fresh[q].Stderr, Stored[q].Value, Stored[q].Stderr)), Is.LessThan(ZBound));
            Assert.That(Math.Abs(Z(fresh[q].Connected, fresh[q].ConnectedStderr, Stored[q].Connected, Stored[q].ConnectedStderr)), Is.LessThan(ZBound));
        }
        Assert.That(Stored.Min(s => s.Value / s.Stderr), Is.GreaterThan(40), "G6 is many standard errors");
    }

    [Test]
    public void AWrongCoefficientOfASampledMomentIsDetected()
    {
        // The independence-breaking form with 10 M6(token 1 at x1..x6) added, so its coefficient of that moment is wrong by
        // 10: G6c moves by 10 E[A_1(x1) ... A_1(x6)], about 16 standard errors at the worst tuple, which the comparison
        // against the stored numbers must see.
        var derived = Derive.Correlator(Limit, 6, connected: true);
        var full = Derive.Correlator(Limit, 6, connected: false).Value;
        var x = NetworkSymbols.Points(6);
        var m6 = AttentionMoment.Of(x.Select(p => ((Expr)Number.One, (Expr)p)));
        var wrong = new MomentForms([full, derived.IndependenceBreaking + 10 * m6, derived.FiniteWidth], 6, NetworkBinding.Of(Limit), Limit.Tokens);
        var laws = new LogitLaws(Limit, PointSet.Default);
        var nodes = new TheoryNodeValues(laws, new TwoPointMoments(laws, Limit.Tokens, PointSet.Default.Count, Limit.TokensExchangeable));
        var tuples = Hexes.Tuples(PointSet.Default.Count, "--g6");
        var estimates = TupleEstimates.Run(wrong, tuples, laws, nodes, PointSet.Default.Count, new TheoryOptions(Samples, 3));
        double worst = Enumerable.Range(0, Stored.Length).Max(q => Math.Abs(Z(
            estimates.Means[3 * q + 1] + estimates.Means[3 * q + 2], estimates.ConnectedStderr[q], Stored[q].Connected, Stored[q].ConnectedStderr)));
        TestContext.Out.WriteLine($"worst z {worst:F1}");
        Assert.That(worst, Is.GreaterThan(ZBound));
    }

    [Test]
    public void SixPointOverflowIsRefusedNamingTheSixthPower()
    {
        // sigma_V = 1e27: G2 and G4 stay finite (their squares reach 1e216), the squares of G6's batch values (1e324) do not.
        var options = new TheoryOptions(2_000, 3) { G4 = TupleSelection.None(4), G6 = Hexes };
        var error = Assert.Throws<InvalidInputException>(() => TheoryEvaluator.Evaluate(Limit with { SigmaV = 1e27 }, PointSet.Default, options));
        Assert.That(error!.Message, Does.Contain("G6").And.Contain("sixth power of sigma_V^2 sigma_a^2"));
        Assert.DoesNotThrow(() => TheoryEvaluator.Evaluate(Limit with { SigmaV = 1e20 }, PointSet.Default, options), "the guard passes where G6 fits");
    }

    [Test]
    public void SixPointTheoryIsBitIdenticalOnOneThreadAndOnMany()
    {
        // Parallel loops run on the current scheduler: an exclusive one gives a single worker.
        var single = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, maxConcurrencyLevel: 1).ExclusiveScheduler;
        var one = Task.Factory.StartNew(() => Theory(5), CancellationToken.None, TaskCreationOptions.None, single).Result;
        var many = Theory(5);
        static long[] Bits(IEnumerable<G6Entry> g) =>
            [.. g.SelectMany(e => new[] { e.Value, e.Stderr, e.Connected, e.ConnectedStderr }).Select(BitConverter.DoubleToInt64Bits)];
        Assert.That(Bits(one), Is.EqualTo(Bits(many)));
    }

    [Test]
    public void DerivationsDoNotDependOnTheHeadsSoAHeadScanDerivesOnce()
    {
        // The cache of derived forms keys on the architecture with N_h = 1 (validate's G4c and G6c head scans derive
        // once): N_h stays a symbol in the derivation, bound to its value only when the forms are evaluated.
        foreach (int order in new[] { 4, 6 })
        {
            var one = Derive.Correlator(Limit, order, connected: true);
            var three = Derive.Correlator(Limit with { Heads = 3 }, order, connected: true);
            Assert.That(three.Value, Is.EqualTo(one.Value), $"order {order}");
        }
    }

    private static double Z(double a, double sa, double b, double sb) => (a - b) / Math.Sqrt(sa * sa + sb * sb);
}
