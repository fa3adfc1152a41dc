// SPDX-License-Identifier: MIT
using MathNet.Numerics.LinearAlgebra;
using NnQft.Hybrid.Theory;
using NnQft.Model;
using NnQft.Numerics.MonteCarlo;
using NnQft.Numerics.Results;
using NnQft.Numerics.Sampling;
using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;

namespace NnQft.Hybrid.Tests;

/// <summary>
/// Theory and numerics agree across random architectures (FsCheck drives the seed; a failure prints the seed and
/// the replay pair). Statistical comparisons use |z| &lt; 5 with fixed seeds, so they are deterministic.
/// </summary>
public class AgreementProperties
{
    private const double ZBound = 5.0;

    [FsCheckProperty(MaxTest = 8, Replay = "(7771234,4455667)")]
    public void TheoryAgreesWithExactMonteCarloOnRandomArchitectures(int seed)
    {
        var rng = new Random(seed);
        var arch = RandomArchitectures.Limit(rng);
        var points = RandomArchitectures.Points(rng, arch.Dimension, 2);
        var theory = TheoryEvaluator.Evaluate(arch, points, new TheoryOptions(40_000, (ulong)(uint)seed));
        var mc = Sample(arch, points, 30_000, seed, SamplingMethod.Exact);
        string what = $"seed {seed}, {ArchitectureJson.ToJson(arch, indented: false)}";
        AssertAgreement(what, theory, mc, theoryHasErrors: true);
    }

    [FsCheckProperty(MaxTest = 5, Replay = "(1212121,3434343)")]
    public void BruteForceAndExactAgreeAtSmallFiniteWidths(int seed)
    {
        var rng = new Random(seed);
        var arch = RandomArchitectures.Limit(rng) with
        {
            Features = Width.Of(rng.Next(2, 12)),
            KeyWidth = Width.Of(rng.Next(1, 6)),
            ValueWidth = Width.Of(rng.Next(1, 6)),
            Heads = rng.Next(1, 3),
        };
        var points = RandomArchitectures.Points(rng, arch.Dimension, 2);
        var brute = Sample(arch, points, 20_000, seed, SamplingMethod.BruteForce);
        var exact = Sample(arch, points, 20_000, seed + 1, SamplingMethod.Exact);
        AssertAgreement($"seed {seed}, {ArchitectureJson.ToJson(arch, indented: false)}", brute, exact, theoryHasErrors: true);
    }

    [FsCheckProperty(MaxTest = 10, Replay = "(5656565,7878787)")]
    public void TheoryIsInvariantUnderRotationsTranslationsAndReflections(int seed)
    {
        var rng = new Random(seed);
        var arch = RandomArchitectures.Limit(rng);
        var points = RandomArchitectures.Points(rng, arch.Dimension, 3);
        var moved = RandomArchitectures.Moved(points, rng);
        var a = TheoryEvaluator.Evaluate(arch, points, new TheoryOptions(4_000, 9));
        var b = TheoryEvaluator.Evaluate(arch, moved, new TheoryOptions(4_000, 9));
        // Same seed and (up to round-off) the same logit covariances: the two evaluations differ by round-off only.
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                Assert.That(b.G2.Value[i][j], Is.EqualTo(a.G2.Value[i][j]).Within(1e-9 + 1e-7 * Math.Abs(a.G2.Value[i][j])), $"seed {seed}: G2({i},{j})");
        for (int q = 0; q < a.G4.Count; q++)
            Assert.That(b.G4[q].Connected, Is.EqualTo(a.G4[q].Connected).Within(1e-9 + 1e-6 * Math.Abs(a.G4[q].Connected)), $"seed {seed}: G4c{string.Join(",", a.G4[q].Index)}");
    }

    [FsCheckProperty(MaxTest = 12, Replay = "(9090909,1010101)")]
    public void TwoPointMatrixIsPositiveSemidefinite(int seed)
    {
        var rng = new Random(seed);
        var arch = RandomArchitectures.Limit(rng);
        var points = RandomArchitectures.Points(rng, arch.Dimension, 5);
        var g2 = TheoryEvaluator.TwoPoint(arch, points);
        var m = Matrix<double>.Build.Dense(5, 5, (i, j) => g2[i][j]);
        double min = m.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Min(z => z.Real);
        Assert.That(min, Is.GreaterThan(-1e-10 * m.Diagonal().Max()), $"seed {seed}: smallest eigenvalue {min}");
    }

    [FsCheckProperty(MaxTest = 6, Replay = "(3131313,2424243)")]
    public void ConnectedFourPointTimesHeadsIsConstant(int seed)
    {
        var rng = new Random(seed);
        var arch = RandomArchitectures.Limit(rng);
        var points = RandomArchitectures.Points(rng, arch.Dimension, 2);
        var one = TheoryEvaluator.Evaluate(arch with { Heads = 1 }, points, new TheoryOptions(5_000, 4));
        int heads = rng.Next(2, 9);
        var many = TheoryEvaluator.Evaluate(arch with { Heads = heads }, points, new TheoryOptions(5_000, 4));
        for (int q = 0; q < one.G4.Count; q++)
            Assert.That(many.G4[q].Connected * heads, Is.EqualTo(one.G4[q].Connected).Within(1e-12 + 1e-9 * Math.Abs(one.G4[q].Connected)), $"seed {seed}, N_h = {heads}");
        Assert.That(many.G2.Value[0][1], Is.EqualTo(one.G2.Value[0][1]).Within(1e-14));
    }

    private static CorrelatorResult Sample(Architecture arch, PointSet points, long networks, int seed, SamplingMethod method) =>
        MonteCarloSampler.Sample(new SampleOptions(arch, points) { Networks = networks, Seed = (ulong)(uint)seed, Method = method, Threads = 2 }).Result;

    private static void AssertAgreement(string what, CorrelatorResult a, CorrelatorResult b, bool theoryHasErrors)
    {
        int p = a.G2.Value.Count;
        for (int i = 0; i < p; i++)
            for (int j = i; j < p; j++)
                AssertZ($"{what}: G2({i},{j})", a.G2.Value[i][j], a.G2.Stderr[i][j], b.G2.Value[i][j], b.G2.Stderr[i][j]);
        for (int q = 0; q < a.G4.Count; q++)
            AssertZ($"{what}: G4c({string.Join(",", a.G4[q].Index)})", a.G4[q].Connected, theoryHasErrors ? a.G4[q].ConnectedStderr : 0, b.G4[q].Connected, b.G4[q].ConnectedStderr);
    }

    private static void AssertZ(string what, double x, double xErr, double y, double yErr)
    {
        double se = Math.Sqrt(xErr * xErr + yErr * yErr);
        if (se == 0)
        {
            Assert.That(x, Is.EqualTo(y).Within(1e-12 + 1e-9 * Math.Abs(x)), what);
            return;
        }
        double z = (x - y) / se;
        Assert.That(Math.Abs(z), Is.LessThan(ZBound), $"{what}: {x} vs {y} +- {se} (z = {z:F2})");
    }
}
