// SPDX-License-Identifier: MIT
using NnQft.Hybrid.Action;
using NnQft.Hybrid.Theory;
using NnQft.Model;
using NnQft.Numerics.Results;

namespace NnQft.Cli.Tests.Action;

/// <summary>
/// The action on a point set (docs/theory.md section 10): the amputation on a lattice phi^4 theory integrated here,
/// closed forms at T = 1 and s_Q s_K = 0, the 1/N_h scaling, and the delta-method standard errors against the scatter
/// of the vertex over perturbed inputs.
/// </summary>
public class AmputatedVertexTests
{
    private static readonly double[,] TwoSites = { { 2.0, -0.5 }, { -0.5, 1.5 } };
    private static readonly double[,] ThreeSites = { { 2.0, -0.5, 0 }, { -0.5, 2.0, -0.5 }, { 0, -0.5, 2.0 } };

    private static readonly PointSet Three = PointSet.Of([[0.0, 0.0], [0.5, 0.0], [0.3, 0.8]]);

    private static double Vertex(PointSetAction action, int a, int b, int c, int d) =>
        action.Vertex.Single(v => v.Index.SequenceEqual(new[] { a, b, c, d }.Order())).Value;

    /// <summary>The largest |V4 - g [a=b=c=d]| over every tuple (the O(g^2) remainder), and the largest |K - V2/2 - K0|.</summary>
    private static (double Vertex, double Quadratic) Remainders(double[,] k0, double g, int nodes)
    {
        var action = AmputatedVertex.Compute(LatticePhi4.Correlators(k0, g, nodes));
        double vertex = action.Vertex.Max(v => Math.Abs(v.Value - (v.Index.Distinct().Count() == 1 ? g : 0)));
        int p = k0.GetLength(0);
        double quadratic = 0;
        for (int a = 0; a < p; a++)
            for (int b = 0; b < p; b++) quadratic = Math.Max(quadratic, Math.Abs(action.Quadratic[a][b] - k0[a, b]));
        return (vertex, quadratic);
    }

    [TestCase(2, 161)]
    [TestCase(3, 81)]
    public void LatticePhi4VertexIsTheCouplingUpToSecondOrder(int sites, int nodes)
    {
        // V4 = g [a=b=c=d] + O(g^2) and K - V2/2 = K0 + O(g^2): halving g must shrink both remainders about fourfold,
        // and at g = 0.08 the vertex remainder is a small fraction of g.
        var k0 = sites == 2 ? TwoSites : ThreeSites;
        var (v1, q1) = Remainders(k0, 0.08, nodes);
        var (v2, q2) = Remainders(k0, 0.04, nodes);
        TestContext.Out.WriteLine($"remainders at g = 0.08 / 0.04: vertex {v1:G4} / {v2:G4}, quadratic {q1:G4} / {q2:G4}");
        Assert.That(v1, Is.LessThan(0.08 * 0.15), "remainder is small against g");
        Assert.That(v1 / v2, Is.InRange(3.4, 4.6), "vertex remainder is O(g^2)");
        Assert.That(q1 / q2, Is.InRange(3.4, 4.6), "the quadratic part's remainder is O(g^2): V2/2 undoes the one-loop mass shift");
    }

    [Test]
    public void LatticeCheckCatchesAWrongCouplingAndAMissingMassShift()
    {
        // The same correlators read against a coupling 20% off: the remainder is then first order and the check fails.
        var input = LatticePhi4.Correlators(TwoSites, 0.08, 161);
        var action = AmputatedVertex.Compute(input);
        Assert.That(Math.Abs(Vertex(action, 0, 0, 0, 0) - 0.08 * 1.2), Is.GreaterThan(0.08 * 0.15));
        // K = G2^-1 alone misses K0 by the one-loop mass shift g G2_aa / 2 (first order): only K - V2/2 meets K0 at O(g^2).
        var k = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(2, 2, (a, b) => input.G2.Value[a][b]).Inverse();
        double shift = 0.08 * input.G2.Value[0][0] / 2;
        Assert.That(k[0, 0] - TwoSites[0, 0], Is.EqualTo(shift).Within(0.2 * shift));
        Assert.That(Math.Abs(action.Quadratic[0][0] - TwoSites[0, 0]), Is.LessThan(0.1 * shift));
    }

    private static IEnumerable<TestCaseData> KnownCases()
    {
        var limit = Architecture.Default with { Features = Width.Infinite, KeyWidth = Width.Infinite, ValueWidth = Width.Of(16) };
        yield return new TestCaseData(limit with { Tokens = 1, SigmaA = 0.9, SigmaV = 1.1 }).SetName("VertexClosedForm(T = 1)");
        yield return new TestCaseData(limit with { SigmaQ = 0 }).SetName("VertexClosedForm(sQ sK = 0)");
    }

    [TestCaseSource(nameof(KnownCases))]
    public void VertexHasClosedFormWhenAttentionIsDeterministic(Architecture arch)
    {
        // A = 1 or 1/T: G4c = (2/d_v) (G2_ab G2_cd + 2 more pairings) exactly, so V4_abcd = -(2/d_v)(K_ab K_cd + K_ac K_bd
        // + K_ad K_bc) and V2 = -(2/d_v)(P + 2) K, K - V2/2 = K (1 + (P + 2)/d_v).
        var theory = TheoryEvaluator.Evaluate(arch, Three, new TheoryOptions(1000));
        var action = AmputatedVertex.Compute(theory);
        var k = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(3, 3, (a, b) => theory.G2.Value[a][b]).Inverse();
        foreach (var v in action.Vertex)
        {
            var (a, b, c, d) = (v.Index[0], v.Index[1], v.Index[2], v.Index[3]);
            double expected = -2.0 / 16 * (k[a, b] * k[c, d] + k[a, c] * k[b, d] + k[a, d] * k[b, c]);
            Assert.That(v.Value, Is.EqualTo(expected).Within(1e-8 * Math.Abs(expected) + 1e-9), string.Join(",", v.Index));
        }
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++)
                Assert.That(action.Quadratic[a][b], Is.EqualTo(k[a, b] * (1 + 5.0 / 16)).Within(1e-8 * Math.Abs(k[a, b]) + 1e-9));
    }

    [Test]
    public void VertexScalesAsInverseHeads()
    {
        var limit = Architecture.Default with { Features = Width.Infinite, KeyWidth = Width.Infinite };
        var one = AmputatedVertex.Compute(TheoryEvaluator.Evaluate(limit, Three, new TheoryOptions(20_000, 5)));
        var four = AmputatedVertex.Compute(TheoryEvaluator.Evaluate(limit with { Heads = 4 }, Three, new TheoryOptions(20_000, 5)));
        for (int q = 0; q < one.Vertex.Count; q++)
        {
            Assert.That(four.Vertex[q].Value * 4, Is.EqualTo(one.Vertex[q].Value).Within(1e-9 * Math.Abs(one.Vertex[q].Value) + 1e-12));
            Assert.That(four.Vertex[q].Stderr * 4, Is.EqualTo(one.Vertex[q].Stderr).Within(1e-9 * one.Vertex[q].Stderr + 1e-12));
        }
        Assert.That(one.Vertex.Max(v => Math.Abs(v.Value)), Is.GreaterThan(0.1), "the scaling is checked on a vertex that is not zero");
    }

    [Test]
    public void DeltaMethodStandardErrorsMatchTheScatterOfPerturbedInputs()
    {
        // Perturb every G2 and G4c entry by a Gaussian of its stated standard error (small, so that first order holds),
        // recompute V4, and compare the scatter with the propagated standard error.
        var theory = TheoryEvaluator.Evaluate(Architecture.Default with { Features = Width.Infinite, KeyWidth = Width.Infinite }, Three, new TheoryOptions(20_000, 2));
        var random = new Random(11);
        double Scale(double v) => 1e-4 * Math.Abs(v) + 1e-7;
        var g2Se = theory.G2.Value.Select(r => (IReadOnlyList<double>)r.Select(Scale).ToArray()).ToArray();
        var input = theory with
        {
            G2 = new G2Table(theory.G2.Value, g2Se),
            G4 = theory.G4.Select(e => e with { ConnectedStderr = Scale(e.Connected) }).ToArray(),
        };
        var propagated = AmputatedVertex.Compute(input).Vertex;
        const int replicas = 600;
        var values = new double[replicas][];
        for (int r = 0; r < replicas; r++)
        {
            var g2 = theory.G2.Value.Select(row => row.ToArray()).ToArray();
            for (int a = 0; a < 3; a++)
                for (int b = a; b < 3; b++) g2[a][b] = g2[b][a] = g2[a][b] + g2Se[a][b] * Normal(random);
            var g4 = input.G4.Select(e => e with { Connected = e.Connected + e.ConnectedStderr * Normal(random) }).ToArray();
            values[r] = AmputatedVertex.Compute(input with { G2 = new G2Table(g2, g2Se), G4 = g4 }).Vertex.Select(v => v.Value).ToArray();
        }
        for (int q = 0; q < propagated.Count; q++)
        {
            double mean = values.Average(v => v[q]);
            double std = Math.Sqrt(values.Sum(v => (v[q] - mean) * (v[q] - mean)) / (replicas - 1));
            // The sample std of 600 Gaussian draws is within 15% of the true one with probability ~1 - 1e-8.
            Assert.That(std / propagated[q].Stderr, Is.InRange(0.85, 1.15), $"V4({string.Join(",", propagated[q].Index)})");
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Test]
    public void RejectsInputsItCannotAmputate()
    {
        var theory = TheoryEvaluator.Evaluate(Architecture.Default, Three, new TheoryOptions(1000));
        var missing = theory with { G4 = theory.G4.Skip(1).ToArray() };
        var e = Assert.Throws<InvalidInputException>(() => AmputatedVertex.Compute(missing, "m.json"))!;
        Assert.That(e.Message, Does.Contain("m.json: g4").And.Contain("0,0,0,0"));
        var singular = theory with { G2 = new G2Table([[1.0, 1.0, 0], [1.0, 1.0, 0], [0, 0, 1.0]], theory.G2.Stderr) };
        Assert.That(() => AmputatedVertex.Compute(singular, "s.json"), Throws.TypeOf<InvalidInputException>().With.Message.Contains("s.json: g2"));
    }
}
