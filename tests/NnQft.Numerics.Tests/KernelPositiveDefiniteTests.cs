// SPDX-License-Identifier: MIT
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using NnQft.Model;
using NnQft.Numerics.Kernels;

namespace NnQft.Numerics.Tests;

/// <summary>Every kernel is a characteristic function (times a positive amplitude), hence positive semi-definite.</summary>
public class KernelPositiveDefiniteTests
{
    private static readonly SpectralDensity[] Families =
    [
        new GaussianDensity(0.7), new MaternDensity(0.7, 0.5), new MaternDensity(5, 1.3), new CauchyDensity(0.4),
        new BallDensity(2.0), new FreeScalarDensity(8.0, 0.6),
    ];

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public Property GramMatrixOfRandomPointsHasNoNegativeEigenvalue() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue - 1)), seed =>
        {
            var random = new Random(seed);
            int d = 1 + random.Next(3), n = 2 + random.Next(7);
            var density = Families[random.Next(Families.Length)];
            var k = KernelEvaluator.For(density, d);
            var points = new double[n][];
            for (int i = 0; i < n; i++) points[i] = Enumerable.Range(0, d).Select(_ => 3 * random.NextDouble() - 1.5).ToArray();
            var gram = Matrix<double>.Build.Dense(n, n, (i, j) => k.Between(points[i], points[j]));
            double min = gram.Evd(Symmetricity.Symmetric).EigenValues.Min(e => e.Real);
            return (min >= -1e-10 * k.AtZero).Label($"seed {seed}: {density} d={d} n={n} min eigenvalue {min}");
        });
}
