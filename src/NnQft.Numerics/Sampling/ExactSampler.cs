// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;
using NnQft.Model;
using NnQft.Numerics.Kernels;
using NnQft.Numerics.LinearAlgebra;
using NnQft.Numerics.Randomness;
using NnQft.Numerics.Spectral;

namespace NnQft.Numerics.Sampling;

/// <summary>
/// Samples the finite-width law of (phi(x_1..x_P)) without materialising the d_k x D and d_v x D weight matrices.
/// Per head, conditioning step by step (index (t,p) = t P + p):
/// <list type="number">
/// <item>RF features at the points give the Grams K0 = H0 H0^T (P x P) and K = H H^T (TP x TP; cross-token blocks
/// are nonzero at finite D and shared by keys and values, since W_K and W_V are shared by all tokens). At D = inf
/// they are the fixed kernels k0 and blockdiag_t k_t.</item>
/// <item>The query columns q_j = W_Q[j,:] H0^T are iid N(0, s_Q^2 K0) over j = 1..d_k, so Q = sum_j q_j q_j^T is
/// s_Q^2 L0 W L0^T with K0 = L0 L0^T and W ~ Wishart(d_k, I_r) (Bartlett; d_k &lt; r: W = G^T G directly).
/// At d_k = inf, Q / d_k = s_Q^2 K0.</item>
/// <item>Given Q, the logits s_tp = q(x_p).k_t(x_p)/sqrt(d_k) are linear in the Gaussian keys, hence Gaussian with
/// covariance s_K^2 K_{tp,uq} Q_pq / d_k (a Schur product, so PSD).</item>
/// <item>Given the attention weights A and K, the values are independent of the keys (W_V independent of W_K), so
/// y_i(x_p) = sum_t A_t(p) v_ti(p) is iid over i with covariance s_V^2 B K B^T, B_{p,(t,p)} = A_t(p). With
/// K = LK LK^T, y = s_V (B LK) z, and phi = sqrt(|a|^2 / d_v) y with |a|^2 ~ s_a^2 chi2(d_v) (s_a^2 at d_v = inf):
/// given |a|, the readout sum of d_v iid Gaussian y_i is again Gaussian with the covariance scaled by |a|^2/d_v.</item>
/// </list>
/// Every factorisation is a pivoted Cholesky, because K0 (constant query: rank 1), K (D &lt; TP) and the logit
/// covariance can be singular.
/// <para>At finite D the same law is drawn more cheaply without K (ExactSampler.Direct.cs, the direct path); which
/// path a sampler takes is fixed at construction by <see cref="PrefersDirect"/>.</para>
/// </summary>
internal sealed partial class ExactSampler : INetworkSampler
{
    private readonly Architecture arch;
    private readonly ulong seed;
    private readonly double[] points;
    private readonly int p, t, tp, d;
    private readonly int features; // 0 for D = inf
    private readonly ISpectralSampler? query;
    private readonly ISpectralSampler[] tokens;
    private readonly NetworkRandom random;
    private readonly double[] h0, h, frequencies, amplitudes;
    private readonly double[] work, bartlett, f, logits, weights;

    // P x P query Grams: not needed on the direct path with more points than features (H0 is the factor there).
    private double[] k0 = [], l0 = [], qd = [];
    private readonly bool direct;

    // The Gram path's TP x TP buffers, allocated only when it runs (at P = 1024 they would take half a gigabyte).
    private double[] k = [], lk = [], s = [], ls = [], m = [], z = [];
    private int fixedRank0, fixedRankK, fixedLogitRank = -1;

    /// <param name="architecture">Validated architecture.</param>
    /// <param name="pointSet">Validated points.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="forceDirect">Tests only: take the direct (true) or Gram (false) path instead of <see cref="PrefersDirect"/>.</param>
    public ExactSampler(Architecture architecture, PointSet pointSet, ulong seed, bool? forceDirect = null)
    {
        arch = architecture;
        this.seed = seed;
        points = pointSet.Flat.ToArray();
        p = pointSet.Count;
        t = architecture.Tokens;
        tp = t * p;
        d = architecture.Dimension;
        features = architecture.Features.IsFinite ? architecture.Features.Value : 0;
        query = architecture.Query is SpectralDensity q ? SpectralSamplers.For(q, d) : null;
        tokens = Enumerable.Range(0, t).Select(i => SpectralSamplers.For(architecture.TokenDensity(i), d)).ToArray();
        random = new NetworkRandom(seed, 0);
        h0 = new double[p * features];
        h = new double[tp * features];
        frequencies = new double[features * d];
        amplitudes = new double[features];
        work = new double[2 * tp];
        int maxRank = features > 0 ? Math.Min(p, features) : p; // of K0, hence of the Bartlett factor
        bartlett = new double[maxRank * maxRank];
        f = new double[p * maxRank];
        logits = new double[tp];
        weights = new double[tp];
        this.pointSet = pointSet;
        direct = forceDirect ?? PrefersDirect(architecture, p);
        if (direct && features == 0) throw new ArgumentException("the direct path needs finite features", nameof(forceDirect));
        if (!direct || query is null || p <= features) EnsureQueryGrams();
        if (direct) AllocateDirect();
        else EnsureGramBuffers();
    }

    private readonly PointSet pointSet;

    /// <summary>True when this sampler draws through the direct path (no TP x TP Gram).</summary>
    public bool Direct => direct;

    /// <summary>
    /// The rule that picks the path: the direct path needs the features themselves, so only finite D; there it costs
    /// about P^2 D / 2 + P^3 / 3 (K0 and its factor) + P r D (u = L_Q G, r = min(P, D, d_k)) + 2 T P D (logits and
    /// readout) + 10 (r + 1) D (its normals, about ten flops each) per head, against (TP)^2 D / 2 for K and
    /// 2 (TP) R^2 for the pivoted factors of K and of the logit covariance (R = min(TP, D)) on the Gram path.
    /// </summary>
    public static bool PrefersDirect(Architecture architecture, int pointCount)
    {
        if (!architecture.Features.IsFinite) return false;
        double p = pointCount, t = architecture.Tokens, d = architecture.Features.Value;
        double r = Math.Min(p, Math.Min(d, architecture.KeyWidth.IsFinite ? architecture.KeyWidth.Value : double.PositiveInfinity));
        double rankK = Math.Min(t * p, d);
        double directCost = p * p * d / 2 + p * p * p / 3 + p * r * d + 2 * t * p * d + 10 * (r + 1) * d;
        double gramCost = t * p * t * p * d / 2 + 2 * t * p * rankK * rankK;
        return directCost < gramCost;
    }

    private void EnsureQueryGrams()
    {
        if (k0.Length == p * p) return;
        k0 = new double[p * p];
        l0 = new double[p * p];
        qd = new double[p * p];
    }

    private void EnsureGramBuffers()
    {
        if (k.Length == tp * tp) return;
        EnsureQueryGrams();
        k = new double[tp * tp];
        lk = new double[tp * tp];
        s = new double[tp * tp];
        ls = new double[tp * tp];
        m = new double[p * tp];
        z = new double[tp];
        if (features == 0)
        {
            // D = inf: the Grams are the kernels themselves, the same for every network.
            FillLimitGrams(pointSet);
            fixedRank0 = PivotedCholesky.Factor(k0, p, l0, work);
            fixedRankK = PivotedCholesky.Factor(k, tp, lk, work);
        }
    }

    public int PointCount => p;

    public void Sample(long network, Span<double> phi)
    {
        random.Reset(seed, network);
        double bias = arch.SigmaB * random.Normal();
        phi.Fill(0);
        double headScale = 1.0 / Math.Sqrt(arch.Heads);
        for (int head = 0; head < arch.Heads; head++)
        {
            if (direct) AddHeadDirect(phi, headScale);
            else AddHead(phi, headScale);
        }
        for (int i = 0; i < p; i++) phi[i] += bias;
    }

    private void AddHead(Span<double> phi, double headScale)
    {
        int rankK = DrawHeadAttention(factorValueGram: true);
        // y(x_p) = s_V sum_c (B LK)_{p c} z_c with B_{p,(t,p)} = A_t(p).
        var mSpan = m.AsSpan(0, p * rankK);
        mSpan.Clear();
        for (int i = 0; i < t; i++)
            for (int q = 0; q < p; q++)
            {
                double a = weights[i * p + q];
                TensorPrimitives.MultiplyAdd(lk.AsSpan((i * p + q) * tp, rankK), a, mSpan.Slice(q * rankK, rankK), mSpan.Slice(q * rankK, rankK));
            }
        var zs = z.AsSpan(0, rankK);
        random.FillNormal(zs);
        double readout = arch.ValueWidth.IsFinite
            ? arch.SigmaA * arch.SigmaA * random.ChiSquared(arch.ValueWidth.Value) / arch.ValueWidth.Value
            : arch.SigmaA * arch.SigmaA;
        double scale = headScale * arch.SigmaV * Math.Sqrt(readout);
        for (int q = 0; q < p; q++) phi[q] += scale * TensorPrimitives.Dot(mSpan.Slice(q * rankK, rankK), zs);
    }

    /// <summary>
    /// Rao-Blackwell support: draws network <paramref name="network"/>'s attention weights and Grams head by head,
    /// exactly as <see cref="Sample"/> does, but never the values, readout or bias; writes the per-head conditional
    /// covariances c_h(x_p, x_q) = s_V^2 sum_(t,u) A_t(p) A_u(q) K_(tp,uq) into <paramref name="c"/>[(h P + p) P + q].
    /// </summary>
    internal void ConditionalCovariances(long network, Span<double> c)
    {
        EnsureGramBuffers();
        random.Reset(seed, network);
        double sv2 = arch.SigmaV * arch.SigmaV;
        for (int head = 0; head < arch.Heads; head++)
        {
            DrawHeadAttention(factorValueGram: false);
            var ch = c.Slice(head * p * p, p * p);
            for (int a = 0; a < p; a++)
                for (int b = 0; b <= a; b++)
                {
                    double sum = 0;
                    for (int i = 0; i < t; i++)
                    {
                        double wa = weights[i * p + a];
                        int row = (i * p + a) * tp;
                        // At D = inf the Gram is block diagonal in the tokens, so only u = i contributes.
                        int uFirst = features > 0 ? 0 : i, uEnd = features > 0 ? t : i + 1;
                        for (int u = uFirst; u < uEnd; u++) sum += wa * weights[u * p + b] * k[row + u * p + b];
                    }
                    ch[a * p + b] = ch[b * p + a] = sv2 * sum;
                }
        }
    }

    // One head's Grams (RF features at finite D), query Gram and attention weights; returns the rank of the value
    // Gram's factor (0 when not asked for: the Rao-Blackwell path needs K itself, not a factor).
    private int DrawHeadAttention(bool factorValueGram)
    {
        int rank0, rankK = 0;
        if (features > 0)
        {
            if (query is null) k0.AsSpan().Fill(1.0);
            else
            {
                RandomFeatures.Fill(query, random, points, p, features, h0, frequencies, amplitudes);
                RandomFeatures.Gram(h0, p, features, k0);
            }
            for (int i = 0; i < t; i++)
                RandomFeatures.Fill(tokens[i], random, points, p, features, h.AsSpan(i * p * features, p * features), frequencies, amplitudes);
            RandomFeatures.Gram(h, tp, features, k);
            rank0 = PivotedCholesky.Factor(k0, p, l0, work);
            if (factorValueGram) rankK = PivotedCholesky.Factor(k, tp, lk, work);
        }
        else
        {
            rank0 = fixedRank0;
            rankK = fixedRankK;
        }
        QueryGram(rank0);
        DrawAttention();
        return rankK;
    }

    // Writes Q / d_k into qd.
    private void QueryGram(int rank0)
    {
        double sq2 = arch.SigmaQ * arch.SigmaQ;
        if (arch.KeyWidth.IsInfinite)
        {
            TensorPrimitives.Multiply(k0, sq2, qd);
            return;
        }
        int cols = QueryFactor(l0, p, rank0, out double factor);
        for (int i = 0; i < p; i++)
            for (int j = 0; j <= i; j++)
            {
                double v = factor * TensorPrimitives.Dot(f.AsSpan(i * cols, cols), f.AsSpan(j * cols, cols));
                qd[i * p + j] = v;
                qd[j * p + i] = v;
            }
    }

    // Draws a factor F (P x cols, row-major in f) of the query Gram: Q / d_k = factor F F^T, from a factor L of K0
    // (K0 = L L^T, P x rank, row stride `stride`: L0, or the query features H0 themselves). At d_k = inf, F = L and
    // factor = s_Q^2 (nothing is drawn).
    private int QueryFactor(ReadOnlySpan<double> l, int stride, int rank, out double factor)
    {
        double sq2 = arch.SigmaQ * arch.SigmaQ;
        if (arch.KeyWidth.IsInfinite)
        {
            for (int q = 0; q < p; q++) l.Slice(q * stride, rank).CopyTo(f.AsSpan(q * rank, rank));
            factor = sq2;
            return rank;
        }
        int dk = arch.KeyWidth.Value;
        int cols;
        if (dk >= rank)
        {
            // Bartlett: W = A A^T, A lower triangular, A_ii = sqrt(chi2(dk - i)), A_ij ~ N(0,1) below the diagonal.
            int r = rank;
            var a = bartlett.AsSpan(0, r * r);
            a.Clear();
            for (int i = 0; i < r; i++)
            {
                a[i * r + i] = Math.Sqrt(random.ChiSquared(dk - i));
                for (int j = 0; j < i; j++) a[i * r + j] = random.Normal();
            }
            // F = L A (P x r).
            DenseProduct.Multiply(l, p, r, stride, a, r, f.AsSpan(0, p * r));
            cols = r;
        }
        else
        {
            // Fewer query columns than the rank of K0: draw them directly, q_j = L g_j.
            var g = work.AsSpan(0, rank); // free here: the factorisations are done
            for (int j = 0; j < dk; j++)
            {
                random.FillNormal(g);
                for (int q = 0; q < p; q++) f[q * dk + j] = TensorPrimitives.Dot(l.Slice(q * stride, rank), g);
            }
            cols = dk;
        }
        factor = sq2 / dk;
        return cols;
    }

    // Logits ~ N(0, s_K^2 K o Q/d_k), then the softmax over tokens at each point.
    private void DrawAttention()
    {
        // At D = d_k = inf the logit covariance is the same for every network: factor it once.
        bool fixedLaw = features == 0 && arch.KeyWidth.IsInfinite;
        int rank = fixedLaw && fixedLogitRank >= 0 ? fixedLogitRank : FactorLogitCovariance();
        if (fixedLaw) fixedLogitRank = rank;
        var zs = z.AsSpan(0, rank);
        random.FillNormal(zs);
        for (int a = 0; a < tp; a++) logits[a] = TensorPrimitives.Dot(ls.AsSpan(a * tp, rank), zs);
        Softmax.OverTokens(logits, weights, t, p);
    }

    private int FactorLogitCovariance()
    {
        double sk2 = arch.SigmaK * arch.SigmaK;
        for (int a = 0; a < tp; a++)
        {
            int pa = a % p;
            for (int b = 0; b <= a; b++)
            {
                double v = sk2 * k[a * tp + b] * qd[pa * p + b % p];
                s[a * tp + b] = v;
                s[b * tp + a] = v;
            }
        }
        return PivotedCholesky.Factor(s, tp, ls, work);
    }

    // The D = inf Grams from the shared kernel evaluator (NnQft.Numerics.Kernels).
    private void FillLimitGrams(PointSet pointSet)
    {
        var queryKernel = KernelEvaluator.Query(arch.Query, d);
        var tokenKernels = Enumerable.Range(0, t).Select(u => KernelEvaluator.For(arch.TokenDensity(u), d)).ToArray();
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++)
            {
                double r = pointSet.Distance(i, j);
                k0[i * p + j] = queryKernel.Value(r);
                for (int u = 0; u < t; u++)
                    k[(u * p + i) * tp + u * p + j] = tokenKernels[u].Value(r);
            }
    }
}
