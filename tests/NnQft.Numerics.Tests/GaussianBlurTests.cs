// SPDX-License-Identifier: MIT
using NnQft.Numerics.Attention;

namespace NnQft.Numerics.Tests;

/// <summary>
/// Narrow b-blurs use as few Gauss-Hermite nodes as their error bound allows; on the quadrature's own kind of column
/// function, kappa(c + log 2 cosh n), that gives the eight-node value to rounding (2e-15).
/// </summary>
public class GaussianBlurTests
{
    [TestCase(0.001)]
    [TestCase(0.01)]
    [TestCase(0.03)]
    [TestCase(0.2)]
    public void NarrowBlursAgreeWithTheEightNodeRule(double scale)
    {
        var outputs = Enumerable.Range(0, 41).Select(j => -2 + 0.1 * j).ToArray();
        var blur = GaussianBlur.Create(outputs, scale, double.PositiveInfinity, QuadratureResolution.Default);
        var rule = GaussHermiteNodes.Eight;
        foreach (double c in new[] { -3.0, -0.5, 0.4, 1.5 })
        {
            double Column(double n) => Math.Exp(-Math.Exp(c + Math.Log(2 * Math.Cosh(n))));
            var values = blur.Nodes.Select(Column).ToArray();
            for (int i = 0; i < outputs.Length; i++)
            {
                double eightNodes = 0;
                for (int k = 0; k < rule.Nodes.Length; k++) eightNodes += rule.Weights[k] * Column(outputs[i] + scale * rule.Nodes[k]);
                Assert.That(blur.Apply(i, values), Is.EqualTo(eightNodes).Within(2e-15), $"c = {c}, n = {outputs[i]}");
            }
        }
        Assert.That(blur.RowStart[1] - blur.RowStart[0], scale < 0.05 ? Is.LessThan(8) : Is.EqualTo(8), "nodes per output");
    }
}
