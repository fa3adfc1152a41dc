// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;
using NnQft.Numerics.LinearAlgebra;

namespace NnQft.Numerics.Sampling;

/// <summary>
/// The direct path of the exact sampler (finite D): the same law without the TP x TP Gram K or its factor.
/// <list type="number">
/// <item>The RF features H0 (P x D) and H_t (P x D per token) are drawn as on the Gram path; only a factor of
/// K0 = H0 H0^T is needed (its pivoted Cholesky L0 when P &lt;= D, H0 itself when P &gt; D), and the query Gram Q comes
/// from the same Bartlett step (Q / d_k = c F F^T, F = L A).</item>
/// <item>The key vectors u(x_p) = W_K^T q(x_p) in R^D: given Q, the rows of W_K^T enter linearly with iid
/// N(0, s_K^2) entries, so u is matrix-normal with row covariance s_K^2 Q and identity column covariance, i.e.
/// u / sqrt(d_k) = s_K sqrt(c) F G with G a (cols x D) standard normal matrix.</item>
/// <item>The logits s_t(x_p) = u(x_p) . h_t(x_p) / sqrt(d_k) then have covariance s_K^2 K_(tp,uq) Q_pq / d_k, the
/// Gram path's Schur product, because u is independent of H given Q.</item>
/// <item>Given A and H the values y_i(x_p) = W_V[i,:] . m(x_p), m(x_p) = sum_t A_t(x_p) h_t(x_p), are iid over i with
/// covariance s_V^2 m(x_p) . m(x_q); with the readout, phi = s_V sqrt(|a|^2 / d_v) g . m with g ~ N(0, I_D) and
/// |a|^2 ~ s_a^2 chi2(d_v) (s_a^2 at d_v = inf), the Gram path's s_V (B LK) z in law.</item>
/// </list>
/// Cost per head O(P^2 D + T P D) instead of O((T P)^2 D) (docs/theory.md sections 1-3).
/// </summary>
internal sealed partial class ExactSampler
{
    private double[] keys = [], gaussians = [], gaussianRow = [];

    private void AllocateDirect()
    {
        keys = new double[p * features];
        gaussians = new double[Math.Min(p, features) * features];
        gaussianRow = new double[features];
    }

    private void AddHeadDirect(Span<double> phi, double headScale)
    {
        if (query is null) k0.AsSpan().Fill(1.0);
        else RandomFeatures.Fill(query, random, points, p, features, h0, frequencies, amplitudes);
        for (int i = 0; i < t; i++)
            RandomFeatures.Fill(tokens[i], random, points, p, features, h.AsSpan(i * p * features, p * features), frequencies, amplitudes);
        int cols;
        double factor;
        if (query is not null && p > features)
        {
            // More points than features: H0 itself is a thin factor of K0 = H0 H0^T (P x D), which saves the P x P
            // Gram and its factorisation (O(P^2 D) and O(P D^2)).
            cols = QueryFactor(h0, features, features, out factor);
        }
        else
        {
            if (query is not null) RandomFeatures.Gram(h0, p, features, k0);
            int rank0 = PivotedCholesky.Factor(k0, p, l0, work);
            cols = QueryFactor(l0, p, rank0, out factor);
        }

        // keys = F G (P x D), G a cols x D standard normal matrix.
        var g = gaussians.AsSpan(0, cols * features);
        random.FillNormal(g);
        var u = keys.AsSpan(0, p * features);
        DenseProduct.Multiply(f, p, cols, cols, g, features, u);
        var row = gaussianRow.AsSpan();
        double keyScale = arch.SigmaK * Math.Sqrt(factor);
        for (int i = 0; i < t; i++)
            for (int q = 0; q < p; q++)
                logits[i * p + q] = keyScale * TensorPrimitives.Dot(u.Slice(q * features, features), h.AsSpan((i * p + q) * features, features));
        Softmax.OverTokens(logits, weights, t, p);

        // phi(x_p) += scale * g . sum_t A_t(p) h_t(p) = scale * sum_t A_t(p) (g . h_t(p)).
        random.FillNormal(row);
        double readout = arch.ValueWidth.IsFinite
            ? arch.SigmaA * arch.SigmaA * random.ChiSquared(arch.ValueWidth.Value) / arch.ValueWidth.Value
            : arch.SigmaA * arch.SigmaA;
        double scale = headScale * arch.SigmaV * Math.Sqrt(readout);
        for (int q = 0; q < p; q++)
        {
            double sum = 0;
            for (int i = 0; i < t; i++) sum += weights[i * p + q] * TensorPrimitives.Dot(row, h.AsSpan((i * p + q) * features, features));
            phi[q] += scale * sum;
        }
    }
}
