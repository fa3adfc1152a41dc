// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Attention;

/// <summary>
/// For one token law, on the outer grid (p_i, q_j): the joint survival S(p, q) = E exp(-e^{alpha + z} - e^{beta + z'})
/// and the joint density f(p, q) of (V, V') = (G - z, G' - z') (G, G' standard Gumbel-min), with
/// alpha = p + q, beta = p - q the logarithms of the Laplace variables u, w of THEORY.md section 6.
/// In m = p + a, n = q + b (a = (z + z')/2, b = (z - z')/2 independent Gaussians) the integrands are the fixed
/// kernels K(m, n) = kappa(m + L(n)) and e^{2m} K(m, n) = e^{2c} kappa(c) / (4 cosh^2 n) with c = m + L(n),
/// L(n) = log(2 cosh n), kappa(c) = exp(-e^c). The blur over a is therefore a one-dimensional function of c
/// (<see cref="BlurredGumbel"/>), and only the blur over b is done node by node.
/// </summary>
internal static class GumbelSurvivalGrid
{
    /// <summary>S (and f when <paramref name="withDensity"/>) at all (p_i, q_j), row-major [i * q.Length + j].</summary>
    public static (double[] Survival, double[]? Density) Evaluate(
        TokenLogitLaw law, double[] p, double[] q, bool withDensity, double refinement)
    {
        // L(n) = |n| + log(1 + e^{-2|n|}) is sharp only near n = 0 (its poles at +-i pi/2 have strength e^{-2|n|}):
        // beyond |n| = 16 the integrand is as smooth as the a-blur of width SumScale and the b-Gaussian make it.
        var blurN = GaussianBlur.Create(q, law.DifferenceScale, double.PositiveInfinity, refinement, sharpWithin: 16, smoothScale: law.SumScale);
        int ln = blurN.Nodes.Length, np = p.Length, nq = q.Length;
        double spacing = np > 1 ? p[1] - p[0] : 1.0;
        var blurM = BlurredGumbel.Create(law.SumScale, p[0] + Math.Log(2.0), spacing, refinement);
        // Blurred over a, laid out [i * ln + k] so the b-blur of row i is a dot product per output q_j.
        var tableS = new double[np * ln];
        var tableD = withDensity ? new double[np * ln] : null;
        var columnS = new double[np];
        var columnD = new double[np];
        for (int k = 0; k < ln; k++)
        {
            double n = Math.Abs(blurN.Nodes[k]);
            double e = Math.Exp(-2 * n);
            double logCosh = n + Math.Log(1 + e);
            // 1 / (4 cosh^2 n) = e^{-2n} / (1 + e^{-2n})^2, safe for large n.
            double densityFactor = e / ((1 + e) * (1 + e));
            blurM.EvaluateRow(p[0] + logCosh, spacing, columnS, columnD);
            for (int i = 0; i < np; i++) tableS[i * ln + k] = columnS[i];
            if (tableD is not null)
                for (int i = 0; i < np; i++) tableD[i * ln + k] = columnD[i] * densityFactor;
        }
        var survival = new double[np * nq];
        var density = withDensity ? new double[np * nq] : null;
        for (int i = 0; i < np; i++)
        {
            var rowS = new ReadOnlySpan<double>(tableS, i * ln, ln);
            for (int j = 0; j < nq; j++) survival[i * nq + j] = blurN.Apply(j, rowS);
            if (tableD is null || density is null) continue;
            var rowD = new ReadOnlySpan<double>(tableD, i * ln, ln);
            for (int j = 0; j < nq; j++) density[i * nq + j] = blurN.Apply(j, rowD);
        }
        return (survival, density);
    }
}
