// SPDX-License-Identifier: MIT
using MathNet.Numerics;
using MathNet.Numerics.Integration;
using NnQft.Hybrid.Action;
using NnQft.Hybrid.Theory;
using NnQft.Model;

namespace NnQft.Cli.Tests.Action;

/// <summary>
/// The coupling per configuration lambda = -G4c / int prod_i G2(x, x_i) (docs/theory.md section 10): the tree-level
/// integrals against closed forms (Gaussian kernels, over R^d and over a box) and against independent integrations of
/// a kernel with kinks, the G2 table against the theory evaluator, and the inputs that need a cutoff.
/// </summary>
public class CouplingTests
{
    private const double Sigma2 = 0.9 * 0.9 * 1.1 * 1.1; // s_a^2 s_V^2
    private const double Length = 0.7;

    private static Architecture SingleToken(int dimension, SpectralDensity token) =>
        Architecture.Default with
        {
            Dimension = dimension, Tokens = 1, Features = Width.Infinite, KeyWidth = Width.Infinite, ValueWidth = Width.Of(16),
            SigmaA = 0.9, SigmaV = 1.1, Token = token,
        };

    private static PointSet PointsIn(int dimension) => dimension switch
    {
        1 => PointSet.Of([[0.0], [0.5], [-0.8]]),
        2 => PointSet.Of([[0.0, 0.0], [0.5, 0.0], [0.3, 0.8]]),
        _ => PointSet.Of([[0.0, 0.0, 0.0], [0.5, 0.0, 0.2], [0.3, 0.8, -0.4]]),
    };

    private static double Squared(PointSet points, int a, int c) => points[a, c] * points[a, c];

    /// <summary>int over R^d (or the box [-L, L]^d) of prod_i exp(-|x - x_i|^2 / (2 l^2)), written out: a Gaussian of
    /// variance l^2 / 4 per coordinate around the tuple's centroid.</summary>
    private static double GaussianProductIntegral(PointSet points, IReadOnlyList<int> tuple, double? cutoff)
    {
        double result = 1;
        double s2 = Length * Length / 4;
        for (int c = 0; c < points.Dimension; c++)
        {
            double sum = tuple.Sum(a => points[a, c]), squares = tuple.Sum(a => Squared(points, a, c));
            double mean = sum / 4;
            result *= Math.Exp(-(squares - sum * sum / 4) / (2 * Length * Length)) * Math.Sqrt(2 * Math.PI * s2);
            if (cutoff is double l)
                result *= 0.5 * (SpecialFunctions.Erf((l - mean) / Math.Sqrt(2 * s2)) - SpecialFunctions.Erf((-l - mean) / Math.Sqrt(2 * s2)));
        }
        return result;
    }

    [TestCase(1, null)]
    [TestCase(2, null)]
    [TestCase(3, null)]
    [TestCase(1, 0.6)]
    [TestCase(2, 0.6)]
    [TestCase(3, 1.0)]
    public void SingleTokenCouplingHasAClosedForm(int dimension, double? cutoff)
    {
        // T = 1 at D = d_k = inf: G2 = s^2 k, G4c = (2 s^4 / d_v) (k12 k34 + k13 k24 + k14 k23), so
        // lambda = -(2 / (d_v s^4)) sum_pairings k k / int prod k, with the Gaussian integral in closed form.
        var arch = SingleToken(dimension, new GaussianDensity(Length));
        var points = PointsIn(dimension);
        var theory = TheoryEvaluator.Evaluate(arch, points, new TheoryOptions(1000));
        var coupling = ConfigurationCoupling.Compute(arch, theory, cutoff);
        double K(int a, int b) => Math.Exp(-Math.Pow(points.Distance(a, b), 2) / (2 * Length * Length));
        Assert.That(coupling.Converged);
        foreach (var c in coupling.PerTuple)
        {
            var (i, j, k, l) = (c.Index[0], c.Index[1], c.Index[2], c.Index[3]);
            double integral = GaussianProductIntegral(points, c.Index, cutoff);
            double expected = -2 / (16 * Sigma2 * Sigma2) * (K(i, j) * K(k, l) + K(i, k) * K(j, l) + K(i, l) * K(j, k)) / integral;
            Assert.That(c.Integral, Is.EqualTo(Math.Pow(Sigma2, 4) * integral).Within(1e-4).Percent, $"I({string.Join(",", c.Index)})");
            Assert.That(c.Lambda, Is.EqualTo(expected).Within(1e-4).Percent, $"lambda({string.Join(",", c.Index)})");
            Assert.That(c.IntegralError, Is.LessThan(1e-6 * c.Integral));
        }
        double mean = coupling.PerTuple.Average(c => c.Lambda);
        double spread = Math.Sqrt(coupling.PerTuple.Sum(c => Math.Pow(c.Lambda - mean, 2)) / (coupling.PerTuple.Count - 1));
        Assert.That(coupling.Mean, Is.EqualTo(mean).Within(1e-12).Percent);
        Assert.That(coupling.Spread, Is.EqualTo(spread).Within(1e-12).Percent);
        Assert.That(coupling.Cutoff, Is.EqualTo(cutoff));
    }

    [Test]
    public void IntegralsOfAKinkedKernelAgreeWithIndependentIntegrationInOneDimension()
    {
        // Cauchy tokens: k = exp(-r / l), a kink at every point. Independent rule: double-exponential quadrature on
        // the intervals between the points, out to 60 length scales.
        var arch = SingleToken(1, new CauchyDensity(Length));
        var points = PointsIn(1);
        var coupling = ConfigurationCoupling.Compute(arch, TheoryEvaluator.Evaluate(arch, points, new TheoryOptions(1000)), null);
        var breaks = new[] { -60 * Length - 1, 60 * Length + 1 }.Concat(Enumerable.Range(0, 3).Select(a => points[a, 0])).Order().ToArray();
        foreach (var c in coupling.PerTuple)
        {
            double F(double x) => c.Index.Aggregate(1.0, (p, a) => p * Sigma2 * Math.Exp(-Math.Abs(x - points[a, 0]) / Length));
            double reference = 0;
            for (int k = 0; k + 1 < breaks.Length; k++) reference += DoubleExponentialTransformation.Integrate(F, breaks[k], breaks[k + 1], 1e-13);
            Assert.That(c.Integral, Is.EqualTo(reference).Within(1e-6).Percent, string.Join(",", c.Index));
        }
    }

    [Test]
    public void IntegralsOfAKinkedKernelAgreeWithIndependentIntegrationInTwoDimensions()
    {
        // Independent rule: midpoint sums on two grids (h and h/2) and their Richardson extrapolation. Away from the kinks
        // the midpoint rule is exponentially accurate for this smooth, decaying integrand; the cone points x_a give an
        // O(h^3) error, which the extrapolation (8 I(h/2) - I(h)) / 7 removes. At (0,0,0,0) the integral is also
        // s^8 2 pi (l/4)^2 in polar coordinates.
        var arch = SingleToken(2, new CauchyDensity(Length));
        var points = PointsIn(2);
        var coupling = ConfigurationCoupling.Compute(arch, TheoryEvaluator.Evaluate(arch, points, new TheoryOptions(1000)), null);
        double polar = Math.Pow(Sigma2, 4) * 2 * Math.PI * Math.Pow(Length / 4, 2);
        Assert.That(coupling.PerTuple[0].Integral, Is.EqualTo(polar).Within(1e-3).Percent, "(0,0,0,0) in polar coordinates");
        int[][] chosen = [[0, 0, 0, 0], [0, 1, 2, 2]];
        foreach (var tuple in chosen)
        {
            double Midpoint(int n)
            {
                const double half = 14;
                double h = 2 * half / n, sum = 0;
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++)
                    {
                        double x = -half + (i + 0.5) * h, y = -half + (j + 0.5) * h, v = 1;
                        foreach (int a in tuple) v *= Sigma2 * Math.Exp(-Math.Sqrt(Math.Pow(x - points[a, 0], 2) + Math.Pow(y - points[a, 1], 2)) / Length);
                        sum += v * h * h;
                    }
                return sum;
            }
            double coarse = Midpoint(800), fine = Midpoint(1600);
            double reference = (8 * fine - coarse) / 7;
            double ours = coupling.PerTuple.Single(c => c.Index.SequenceEqual(tuple)).Integral;
            TestContext.Out.WriteLine($"{string.Join(",", tuple)}: ours {ours:R}, midpoint {coarse:R} / {fine:R}, extrapolated {reference:R}");
            var entry = coupling.PerTuple.Single(c => c.Index.SequenceEqual(tuple));
            TestContext.Out.WriteLine($"  stated error {entry.IntegralError:G3}, converged {coupling.Converged}");
            Assert.That(ours, Is.EqualTo(reference).Within(1e-3).Percent, string.Join(",", tuple));
        }
    }

    [Test]
    public void TwoPointTableReproducesTheTheoryOffItsNodes()
    {
        var table = RadialTwoPoint.FromTheory(Architecture.Default, 6.0);
        var random = new Random(3);
        var radii = Enumerable.Range(0, 40).Select(_ => 6.0 * random.NextDouble()).ToArray();
        var direct = TheoryEvaluator.TwoPointFromFirst(Architecture.Default, PointSet.Of([[0.0, 0.0], .. radii.Select(r => new[] { r * 0.6, r * 0.8 })]));
        double worst = radii.Select((r, i) => Math.Abs(table.At(r) - direct[i + 1])).Max() / direct[0];
        TestContext.Out.WriteLine($"largest interpolation error relative to G2(0): {worst:G3}");
        Assert.That(worst, Is.LessThan(1e-7), "the table is accurate off its nodes, and along another direction (isotropy)");
    }

    [Test]
    public void InputsThatNeedACutoffSaySo()
    {
        var points = PointsIn(2);
        var bias = SingleToken(2, new GaussianDensity(Length)) with { SigmaB = 0.3 };
        var theory = TheoryEvaluator.Evaluate(bias, points, new TheoryOptions(1000));
        Assert.That(() => ConfigurationCoupling.Compute(bias, theory, null), Throws.TypeOf<InvalidInputException>().With.Message.Contains("--cutoff").And.Message.Contains("sigmaB"));
        Assert.That(ConfigurationCoupling.Compute(bias, theory, 2.0).PerTuple, Has.Count.EqualTo(15));
        var ball = SingleToken(2, new BallDensity(3.0));
        Assert.That(() => ConfigurationCoupling.Compute(ball, TheoryEvaluator.Evaluate(ball, points, new TheoryOptions(1000)), null),
            Throws.TypeOf<InvalidInputException>().With.Message.Contains("--cutoff"));
        var wrongDimension = SingleToken(3, new GaussianDensity(Length));
        Assert.That(() => ConfigurationCoupling.Compute(wrongDimension, theory, null), Throws.TypeOf<InvalidInputException>().With.Message.Contains("points"));
    }
}
