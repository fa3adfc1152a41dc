// SPDX-License-Identifier: MIT
using System.Globalization;
using NnQft.Model;
using NnQft.Numerics.Attention;
using NnQft.Numerics.Kernels;

namespace NnQft.Hybrid.Theory;

/// <summary>
/// The logit process at D = d_k = infinity (docs/theory.md section 2) for one architecture and point set: token t's
/// logits are an independent centred Gaussian process with covariance s_Q^2 s_K^2 k_0(x - y) k_t(x - y).
/// Gives the per-token covariance matrices (for the logit Monte Carlo) and the two-point laws (for quadrature).
/// </summary>
internal sealed class LogitLaws
{
    private readonly Architecture architecture;
    private readonly PointSet points;
    private readonly RadialKernel query;
    private readonly RadialKernel[] tokenKernels;

    public LogitLaws(Architecture architecture, PointSet points)
    {
        this.architecture = architecture;
        this.points = points;
        query = KernelEvaluator.Query(architecture.Query, architecture.Dimension);
        // One kernel object per distinct density, so exchangeable tokens share their covariance matrix.
        var byDensity = new Dictionary<SpectralDensity, RadialKernel>();
        tokenKernels = Enumerable.Range(0, architecture.Tokens)
            .Select(t =>
            {
                var density = architecture.TokenDensity(t);
                if (!byDensity.TryGetValue(density, out var k)) byDensity[density] = k = KernelEvaluator.For(density, architecture.Dimension);
                return k;
            })
            .ToArray();
        double scale = LogitScale;
        foreach (var k in tokenKernels.Distinct())
        {
            double variance = scale * query.AtZero * k.AtZero;
            if (variance > TokenLogitLaw.MaxVariance)
                throw new InvalidInputException("sigmaQ, sigmaK", $"the logit variance sigma_Q^2 sigma_K^2 k0(0) kt(0) must be at most {TokenLogitLaw.MaxVariance} for the attention-moment quadrature", variance.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private double LogitScale => architecture.SigmaQ * architecture.SigmaQ * architecture.SigmaK * architecture.SigmaK;

    /// <summary>k_t(x_a - x_b) for 0-based token t.</summary>
    public double TokenKernel(int t, int a, int b) => tokenKernels[t].Between(points.Point(a), points.Point(b));

    /// <summary>k_0(x_a - x_b) of the query embedding.</summary>
    public double QueryKernel(int a, int b) => query.Between(points.Point(a), points.Point(b));

    /// <summary>Token t's logit law at the pair (x_a, x_b): variance at either point and correlation.</summary>
    public TokenLogitLaw PairLaw(int t, int a, int b)
    {
        double variance = LogitScale * query.AtZero * tokenKernels[t].AtZero;
        if (variance == 0) return new TokenLogitLaw(0, 1);
        double covariance = LogitScale * QueryKernel(a, b) * TokenKernel(t, a, b);
        return new TokenLogitLaw(variance, Math.Clamp(covariance / variance, -1.0, 1.0));
    }

    /// <summary>E[A_t(x_a) A_t(x_b)] by quadrature (exchangeable tokens reduce to F_T).</summary>
    public double TwoPointMoment(int t, int a, int b) =>
        architecture.TokensExchangeable
            ? AttentionMoments.TwoPoint(architecture.Tokens, PairLaw(t, a, b).Variance, PairLaw(t, a, b).Correlation)
            : AttentionMoments.TwoPoint(Enumerable.Range(0, architecture.Tokens).Select(u => PairLaw(u, a, b)).ToList(), t);

    /// <summary>The logit sampler over all points and tokens (identical covariances shared by reference).</summary>
    public LogitSampler Sampler()
    {
        int p = points.Count;
        var byKernel = new Dictionary<RadialKernel, double[,]>(ReferenceEqualityComparer.Instance);
        var covariances = new List<double[,]>();
        foreach (var k in tokenKernels)
        {
            if (!byKernel.TryGetValue(k, out var c))
            {
                c = new double[p, p];
                for (int a = 0; a < p; a++)
                    for (int b = 0; b < p; b++)
                        c[a, b] = LogitScale * QueryKernel(a, b) * k.Between(points.Point(a), points.Point(b));
                byKernel[k] = c;
            }
            covariances.Add(c);
        }
        return new LogitSampler(covariances);
    }
}
