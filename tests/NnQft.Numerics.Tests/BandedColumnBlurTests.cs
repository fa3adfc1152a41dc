// SPDX-License-Identifier: MIT
using NnQft.Numerics.Attention;
using NnQft.Numerics.Randomness;

namespace NnQft.Numerics.Tests;

/// <summary>
/// The register-blocked b-blur of the attention quadrature equals the plain sum over each output row's weights, for
/// lattice blurs (overlapping rows, blocked path) and Hermite blurs (disjoint rows, row-by-row path), with row counts
/// and widths that are not multiples of the block or the vector width.
/// </summary>
public class BandedColumnBlurTests
{
    [TestCase(0.7, 9, 13)]
    [TestCase(3.0, 30, 127)]
    [TestCase(0.1, 11, 37)]
    [TestCase(2.0, 3, 5)]
    public void MatchesThePlainWeightedSum(double scale, int rows, int width)
    {
        var outputs = Enumerable.Range(0, rows).Select(j => 0.3 * j).ToArray();
        var blur = GaussianBlur.Create(outputs, scale, double.PositiveInfinity, QuadratureResolution.Default);
        var random = new NetworkRandom(7, 0);
        var columns = new double[blur.Nodes.Length * width];
        for (int k = 0; k < columns.Length; k++) columns[k] = random.Uniform();
        var result = new double[rows * width];
        BandedColumnBlur.Apply(blur, columns, width, result);
        double worst = 0;
        for (int j = 0; j < rows; j++)
            for (int i = 0; i < width; i++)
            {
                double expected = 0;
                for (int l = blur.RowStart[j]; l < blur.RowStart[j + 1]; l++)
                    expected += blur.Weights[l] * columns[(blur.FirstColumn[j] + l - blur.RowStart[j]) * width + i];
                worst = Math.Max(worst, Math.Abs(result[j * width + i] - expected));
            }
        Assert.That(worst, Is.LessThan(1e-15));
    }
}
