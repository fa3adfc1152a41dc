// SPDX-License-Identifier: MIT
using NnQft.Numerics.Randomness;
using NnQft.Numerics.Sampling;

namespace NnQft.Numerics.Tests;

/// <summary>The vectorised cosine of the random features agrees with Math.Cos over the arguments the samplers see.</summary>
public class FastCosineTests
{
    [Test]
    public void MatchesMathCosFromTinyToHugeArguments()
    {
        var random = new NetworkRandom(1, 0);
        var x = new double[4099]; // not a multiple of the vector width
        double worst = 0;
        for (int rep = 0; rep < 50; rep++)
        {
            for (int i = 0; i < x.Length; i++) x[i] = (random.Uniform() - 0.5) * Math.Pow(10, -4 + 11 * random.Uniform());
            var y = (double[])x.Clone();
            FastCosine.InPlace(y);
            for (int i = 0; i < x.Length; i++) worst = Math.Max(worst, Math.Abs(y[i] - Math.Cos(x[i])));
        }
        Assert.That(worst, Is.LessThan(1e-15));
    }
}
