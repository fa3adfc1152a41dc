// SPDX-License-Identifier: MIT
using NnQft.Model;

namespace NnQft.Hybrid.Tests;

/// <summary>
/// Random architectures and point sets for the agreement properties: d in 1..3, T in 1..6, 1..3 heads, finite and
/// infinite d_v, every spectral family, constant or random-feature queries, token overrides and biases. Logit
/// variances stay within the range where the attention-moment quadrature is guaranteed.
/// </summary>
internal static class RandomArchitectures
{
    public static Architecture Limit(Random rng)
    {
        int d = rng.Next(1, 4);
        int tokens = rng.Next(1, 7);
        var arch = Architecture.Default with
        {
            Dimension = d,
            Tokens = tokens,
            Heads = rng.Next(1, 4),
            Features = Width.Infinite,
            KeyWidth = Width.Infinite,
            ValueWidth = rng.Next(3) switch { 0 => Width.Of(4), 1 => Width.Of(32), _ => Width.Infinite },
            SigmaQ = 0.3 + 1.2 * rng.NextDouble(),
            SigmaK = 0.5 + rng.NextDouble(),
            SigmaV = 0.5 + rng.NextDouble(),
            SigmaA = 0.5 + rng.NextDouble(),
            SigmaB = rng.Next(2) == 0 ? 0.0 : 0.2 + 0.6 * rng.NextDouble(),
            Query = rng.Next(3) == 0 ? ConstantEmbedding.Instance : new GaussianDensity(0.5 + rng.NextDouble()),
            Token = Density(rng),
        };
        if (tokens > 1 && rng.Next(2) == 0)
            arch = arch with { TokenOverrides = EquatableList.Create(new TokenOverride(rng.Next(tokens), Density(rng))) };
        return arch.Validated();
    }

    public static SpectralDensity Density(Random rng) => rng.Next(5) switch
    {
        0 => new GaussianDensity(0.4 + rng.NextDouble()),
        1 => new MaternDensity(rng.Next(2, 6), 0.4 + rng.NextDouble()),
        2 => new CauchyDensity(0.4 + rng.NextDouble()),
        3 => new BallDensity(1.0 + 3 * rng.NextDouble()),
        _ => new FreeScalarDensity(2.0 + rng.NextDouble(), 1.0 + rng.NextDouble()),
    };

    public static PointSet Points(Random rng, int dimension, int count) =>
        PointSet.Of(Enumerable.Range(0, count)
            .Select(_ => (IReadOnlyList<double>)Enumerable.Range(0, dimension).Select(_ => 2 * rng.NextDouble() - 1).ToArray()));

    /// <summary>A random rigid motion with a possible reflection: x -> R x + s, R orthogonal (Gram-Schmidt of a Gaussian matrix).</summary>
    public static PointSet Moved(PointSet points, Random rng)
    {
        int d = points.Dimension;
        var basis = new double[d][];
        for (int i = 0; i < d; i++)
        {
            var v = Enumerable.Range(0, d).Select(_ => Normal(rng)).ToArray();
            for (int j = 0; j < i; j++)
            {
                double dot = v.Zip(basis[j], (a, b) => a * b).Sum();
                for (int c = 0; c < d; c++) v[c] -= dot * basis[j][c];
            }
            double norm = Math.Sqrt(v.Sum(x => x * x));
            basis[i] = v.Select(x => x / norm).ToArray();
        }
        if (rng.Next(2) == 0) basis[0] = basis[0].Select(x => -x).ToArray();
        var shift = Enumerable.Range(0, d).Select(_ => 3 * rng.NextDouble() - 1.5).ToArray();
        return PointSet.Of(Enumerable.Range(0, points.Count).Select(p =>
            (IReadOnlyList<double>)Enumerable.Range(0, d).Select(i =>
                shift[i] + Enumerable.Range(0, d).Sum(c => basis[i][c] * points[p, c])).ToArray()));
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
