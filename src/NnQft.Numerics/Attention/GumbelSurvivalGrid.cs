// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;

namespace NnQft.Numerics.Attention;

/// <summary>
/// For one token law, on the outer grid (p_i, q_j): the joint survival S(p, q) = E exp(-e^{alpha + z} - e^{beta + z'})
/// and the joint density f(p, q) of (V, V') = (G - z, G' - z') (G, G' standard Gumbel-min), with
/// alpha = p + q, beta = p - q the logarithms of the Laplace variables u, w of docs/theory.md section 6.
/// In m = p + a, n = q + b (a = (z + z')/2, b = (z - z')/2 independent Gaussians) the integrands are the fixed
/// kernels K(m, n) = kappa(m + L(n)) and e^{2m} K(m, n) = e^{2c} kappa(c) / (4 cosh^2 n) with c = m + L(n),
/// L(n) = log(2 cosh n), kappa(c) = exp(-e^c). The blur over a is therefore a one-dimensional function of c
/// (<see cref="BlurredGumbel"/>), and only the blur over b is done node by node.
/// </summary>
internal static class GumbelSurvivalGrid
{
    /// <summary>
    /// S into <paramref name="survival"/> (and f into <paramref name="density"/> unless it is empty) at all (p_i, q_j),
    /// laid out column by column: [j * p.Length + i].
    /// </summary>
    public static void Evaluate(TokenLogitLaw law, double[] p, double[] q, QuadratureResolution resolution,
        Span<double> survival, Span<double> density)
    {
        bool withDensity = !density.IsEmpty;
        // L(n) = |n| + log(1 + e^{-2|n|}) is sharp only near n = 0 (its poles at +-i pi/2 have strength e^{-2|n|}):
        // beyond |n| = 8 (at the default depth) the integrand is as smooth as the a-blur of width SumScale and the
        // b-Gaussian make it. (Measured on 72 cases with sigma^2 >= 4: 8 and 16 both agree to 5e-11 with a deeper, finer
        // quadrature at 16, while 6 is off by 5e-10 and 4 by 4e-6; 8 is 15% faster than 16.)
        double sharpWithin = 8 * Math.Max(1.0, resolution.Depth / QuadratureResolution.DefaultDepth);
        int np = p.Length, nq = q.Length;
        double spacing = np > 1 ? p[1] - p[0] : 1.0;
        var blurM = BlurredGumbel.Create(law.SumScale, p[0] + Math.Log(2.0), spacing, resolution);
        // Columns at |n| > End - p_0 vanish for every p (L(n) >= |n|), so no b-node is laid there: with a wide b-blur and
        // a narrow a-blur (rho near -1) that drops most of the Gaussian's reach.
        var blurN = GaussianBlur.Create(q, law.DifferenceScale, blurM.End - p[0], resolution, sharpWithin, smoothScale: law.SumScale);
        int ln = blurN.Nodes.Length;
        // Blurred over a, one column of p values per b-node n_k, so the b-blur is a weighted sum of whole columns.
        using var bufferS = new PooledBuffer(ln * np);
        using var bufferD = new PooledBuffer(ln * np);
        var columnsS = bufferS.Span;
        var columnsD = bufferD.Span;
        for (int k = 0; k < ln; k++)
        {
            double n = Math.Abs(blurN.Nodes[k]);
            double e = Math.Exp(-2 * n);
            double logCosh = n + Math.Log(1 + e);
            // 1 / (4 cosh^2 n) = e^{-2n} / (1 + e^{-2n})^2, safe for large n.
            blurM.EvaluateRow(p[0] + logCosh, columnsS.Slice(k * np, np), columnsD.Slice(k * np, np), e / ((1 + e) * (1 + e)));
        }
        BandedColumnBlur.Apply(blurN, columnsS, np, survival);
        if (withDensity) BandedColumnBlur.Apply(blurN, columnsD, np, density);
    }
}
