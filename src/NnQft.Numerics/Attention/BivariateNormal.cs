// SPDX-License-Identifier: MIT
using MathNet.Numerics;
using MathNet.Numerics.Integration;

namespace NnQft.Numerics.Attention;

/// <summary>
/// Standard bivariate normal probabilities by Genz's algorithm (Drezner-Wesolowsky Gauss-Legendre quadrature of
/// the Plackett derivative in asin(r) for |r| &lt; 0.925, the singular-part expansion near |r| = 1; absolute error
/// ~1e-15; A. Genz, Statistics and Computing 14 (2004) 251-260).
/// </summary>
/// <example><code>double p = BivariateNormal.Cdf(0, 0, 0.5); // ~0.3333333333: 1/4 + asin(0.5)/(2 pi) = 1/3</code></example>
public static class BivariateNormal
{
    private static readonly (double[] X, double[] W) Six = Rule(6), Twelve = Rule(12), Twenty = Rule(20);

    /// <summary>P(X &lt; x, Y &lt; y) for standard normals with correlation <paramref name="r"/> in [-1, 1].</summary>
    /// <example><code>double p = BivariateNormal.Cdf(0, 0, 0.0); // 0.25</code></example>
    public static double Cdf(double x, double y, double r) => Upper(-x, -y, r);

    /// <summary>P(X &gt; h, Y &gt; k) for standard normals with correlation <paramref name="r"/> in [-1, 1].</summary>
    /// <example><code>double p = BivariateNormal.Upper(0, 0, 1.0); // 0.5</code></example>
    public static double Upper(double h, double k, double r)
    {
        if (double.IsPositiveInfinity(h) || double.IsPositiveInfinity(k)) return 0;
        if (double.IsNegativeInfinity(h)) return double.IsNegativeInfinity(k) ? 1 : Phi(-k);
        if (double.IsNegativeInfinity(k)) return Phi(-h);
        if (r == 0) return Phi(-h) * Phi(-k);
        if (r >= 1) return Phi(-Math.Max(h, k));
        if (r <= -1) return Math.Max(0, Phi(-h) - Phi(k));
        const double twoPi = 2 * Math.PI;
        var (x, w) = Math.Abs(r) < 0.3 ? Six : Math.Abs(r) < 0.75 ? Twelve : Twenty;
        double hk = h * k, bvn = 0;
        if (Math.Abs(r) < 0.925)
        {
            double hs = 0.5 * (h * h + k * k), asr = 0.5 * Math.Asin(r);
            for (int i = 0; i < x.Length; i++)
            {
                double sn = Math.Sin(asr * x[i]);
                bvn += w[i] * Math.Exp((sn * hk - hs) / (1 - sn * sn));
            }
            bvn = bvn * asr / twoPi + Phi(-h) * Phi(-k);
        }
        else
        {
            if (r < 0)
            {
                k = -k;
                hk = -hk;
            }
            double as2 = (1 - r) * (1 + r), a = Math.Sqrt(as2), bs = (h - k) * (h - k);
            double asr = -0.5 * (bs / as2 + hk), c = (4 - hk) / 8, d = (12 - hk) / 80;
            if (asr > -100) bvn = a * Math.Exp(asr) * (1 - c * (bs - as2) * (1 - d * bs) / 3 + c * d * as2 * as2);
            if (hk > -100)
            {
                double b = Math.Sqrt(bs), sp = Math.Sqrt(twoPi) * Phi(-b / a);
                bvn -= Math.Exp(-hk / 2) * sp * b * (1 - c * bs * (1 - d * bs) / 3);
            }
            a /= 2;
            double sum = 0;
            for (int i = 0; i < x.Length; i++)
            {
                double xs = (a * x[i]) * (a * x[i]);
                double asri = -0.5 * (bs / xs + hk);
                if (asri <= -100) continue;
                double sp = 1 + c * xs * (1 + 5 * d * xs);
                double rs = Math.Sqrt(1 - xs);
                double ep = Math.Exp(-(hk / 2) * xs / ((1 + rs) * (1 + rs))) / rs;
                sum += w[i] * Math.Exp(asri) * (sp - ep);
            }
            bvn = (a * sum - bvn) / twoPi;
            if (r > 0) bvn += Phi(-Math.Max(h, k));
            else if (h >= k) bvn = -bvn;
            else
            {
                double l = h < 0 ? Phi(k) - Phi(h) : Phi(-h) - Phi(-k);
                bvn = l - bvn;
            }
        }
        return Math.Clamp(bvn, 0.0, 1.0);
    }

    /// <summary>The standard normal distribution function.</summary>
    /// <example><code>double p = BivariateNormal.Phi(0); // 0.5</code></example>
    public static double Phi(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2.0));

    // Genz's nodes are 1 -+ x_i on [0, 2] with the Gauss-Legendre weights of [-1, 1].
    private static (double[], double[]) Rule(int n)
    {
        var rule = new GaussLegendreRule(-1, 1, n);
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 1 + rule.Abscissas[i];
        return (x, rule.Weights);
    }
}
