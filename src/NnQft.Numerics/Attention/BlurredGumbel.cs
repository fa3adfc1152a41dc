// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NnQft.Numerics.Attention;

/// <summary>
/// The two one-dimensional functions every attention quadrature reduces to, for a Gaussian blur of width s:
/// H(c) = E[kappa(c + s Y)] and J(c) = E[e^{2(c + s Y)} kappa(c + s Y)], kappa(c) = exp(-e^c), Y ~ N(0, 1).
/// (kappa is the survival function of a Gumbel-min variable; e^{2c} kappa(c) the density of the sum of two.)
/// s = 0: closed form. s &lt; 0.1: the heat series sum_k (s^2/2)^k / k! D^{2k}, truncated after s^10 (error below
/// s^12 / 46080 max|D^12| ~ 1e-13). Otherwise the trapezoid rule on a lattice aligned with the table. Either way the
/// values are tabulated on a grid of spacing 0.02 max(1, s) and read back by 8-point Lagrange interpolation (error ~ 1e-14 max|D^8|
/// h^8 / 40320 with h the spacing in units of the function's smoothness scale max(1, s)).
/// </summary>
internal sealed class BlurredGumbel
{
    private const double HeatSeriesBelow = 0.1;
    private const int Stencil = 8;

    /// <summary>Both functions vanish (below 1e-300) above this argument when s = 0.</summary>
    private const double VanishesAbove = 6.7;

    private static readonly double[][] SurvivalDerivatives = DerivativePolynomials(0, 10);
    private static readonly double[][] DensityDerivatives = DerivativePolynomials(2, 10);

    private readonly double _start;
    private readonly double _step;
    private readonly double _end;
    private readonly double[] _survival;
    private readonly double[] _density;

    /// <summary>
    /// Row stride in table steps, and the tables split by phase (index mod stride) so a row's values are contiguous:
    /// entry r + m * stride sits at r * _phaseLength + m.
    /// </summary>
    private readonly int _stride;
    private readonly int _phaseLength;
    private readonly double[] _survivalPhases;
    private readonly double[] _densityPhases;
    private static readonly double[] LagrangeDenominators = Denominators();

    private BlurredGumbel(double start, double step, double[] survival, double[] density, int stride)
    {
        _start = start;
        _step = step;
        _survival = survival;
        _density = density;
        _end = start + (survival.Length - 1) * step;
        _stride = stride;
        _phaseLength = (survival.Length + stride - 1) / stride;
        _survivalPhases = Phases(survival, stride, _phaseLength);
        _densityPhases = Phases(density, stride, _phaseLength);
    }

    private static double[] Phases(double[] table, int stride, int phaseLength)
    {
        var phases = new double[stride * phaseLength];
        for (int index = 0; index < table.Length; index++) phases[index % stride * phaseLength + index / stride] = table[index];
        return phases;
    }

    /// <summary>
    /// The blur of width <paramref name="scale"/>, tabulated (when needed) for arguments from <paramref name="lowest"/>
    /// on, with a table spacing that divides <paramref name="gridSpacing"/> so rows of arguments spaced by it share
    /// their interpolation weights (<see cref="EvaluateRow"/>).
    /// </summary>
    public static BlurredGumbel Create(double scale, double lowest, double gridSpacing, QuadratureResolution resolution)
    {
        double step = 0.02 * Math.Max(1.0, scale) / resolution.Refinement, reach = resolution.Reach;
        int rowStride = (int)Math.Ceiling(gridSpacing / step);
        step = gridSpacing / rowStride;
        if (scale < HeatSeriesBelow) return HeatSeriesTable(scale, lowest, step, reach, rowStride);
        // The trapezoid lattice (spacing <= min(0.25, s / 2.5), see GaussianBlur) is a stride of the table grid,
        // so kappa is evaluated once per table node and each table value is a strided dot product.
        int stride = Math.Max(1, (int)Math.Floor(Math.Min(resolution.InnerSpacing, scale / 2.5 / resolution.Refinement) / step));
        double fine = stride * step;
        int taps = (int)Math.Ceiling(reach * scale / fine);
        int pad = taps * stride;
        double highest = VanishesAbove + reach * scale;
        double start = lowest - Stencil * step;
        int count = (int)Math.Ceiling((highest - start) / step) + Stencil;
        var samples = KernelSamples(start, step, pad, count + 2 * pad, resolution.Depth);
        var weights = new double[2 * taps + 1];
        double norm = fine / (Math.Sqrt(2 * Math.PI) * scale);
        for (int t = -taps; t <= taps; t++)
        {
            double u = t * fine / scale;
            weights[t + taps] = norm * Math.Exp(-0.5 * u * u);
        }
        var survival = new double[count];
        var density = new double[count];
        StridedCorrelation.Apply(samples.Residual, weights, stride, survival, samples.ResidualFrom, samples.End);
        StridedCorrelation.Apply(samples.Density, weights, stride, density, samples.DensityFrom, samples.End);
        AddStepShare(survival, weights, stride, samples.StepEnd);
        return new BlurredGumbel(start, step, survival, density, rowStride);
    }

    /// <summary>
    /// Kernel samples at u_l = start + (l - pad) step, l &lt; count: the density e^{2u} kappa(u) and, for the survival,
    /// the residual r = kappa - 1{u &lt; 0} (the step's share is added by <see cref="AddStepShare"/>). Beyond VanishesAbove
    /// both vanish (l &gt;= End); below, r ~ -e^u and the density ~ e^{2u} are kept only while above about
    /// e^-(depth + 5), so the taps run over their supports only: for wide blurs a fraction of the Gaussian's reach, and
    /// the neglected mass stays below the quadrature's epsilon.
    /// </summary>
    private static (double[] Residual, double[] Density, int ResidualFrom, int DensityFrom, int StepEnd, int End) KernelSamples(
        double start, double step, int pad, int count, double depth)
    {
        int end = Math.Min(count, (int)Math.Ceiling((VanishesAbove - start) / step) + pad + 1);
        double U(int l) => start + (l - pad) * step;
        int IndexOf(double u) => Math.Clamp((int)Math.Ceiling((u - start) / step) + pad, 0, end);
        double cut = depth + 5;
        int stepEnd = IndexOf(0), residualFrom = IndexOf(-cut), densityFrom = IndexOf(-cut / 2 - 5);
        while (stepEnd < end && U(stepEnd) < 0) stepEnd++;
        while (stepEnd > 0 && U(stepEnd - 1) >= 0) stepEnd--;
        var residual = new double[count];
        var density = new double[count];
        var x = density.AsSpan(residualFrom, end - residualFrom);
        for (int l = 0; l < x.Length; l++) x[l] = U(residualFrom + l);
        TensorPrimitives.Exp(x, x);
        // x below 700 keeps Exp on its vectorised path; kernel values under 1e-200 (x > 460) are flushed to zero so that
        // no product with a Gaussian weight goes subnormal.
        TensorPrimitives.Min(x, 700.0, x);
        var k = residual.AsSpan(residualFrom, end - residualFrom);
        int below = stepEnd - residualFrom;
        TensorPrimitives.Negate(x, k);
        TensorPrimitives.Exp(k, k);
        // r = kappa - 1 to an absolute 1e-16, as accurate as kappa itself (the vectorised expm1 does no better).
        TensorPrimitives.Add(k[..below], -1.0, k[..below]);
        TinyValues.Flush(k);
        // Density samples x^2 kappa, with kappa = 1 + r below the step.
        TensorPrimitives.Multiply(x, x, x);
        TensorPrimitives.MultiplyAdd(x[..below], k[..below], x[..below], x[..below]);
        TensorPrimitives.Multiply(x[below..], k[below..], x[below..]);
        density.AsSpan(residualFrom, densityFrom - residualFrom).Clear();
        return (residual, density, residualFrom, densityFrom, stepEnd, end);
    }

    /// <summary>
    /// survival[e] += the weights of the taps t with e + t stride &lt; stepEnd (where the step 1{u &lt; 0} is one): a
    /// prefix of the weights, summed from the Gaussian's far tail.
    /// </summary>
    private static void AddStepShare(double[] survival, double[] weights, int stride, int stepEnd)
    {
        var prefix = new double[weights.Length + 1];
        for (int t = 0; t < weights.Length; t++) prefix[t + 1] = prefix[t] + weights[t];
        // reaching = ceil((stepEnd - e) / stride) for e < stepEnd, stepped down without divisions.
        int reaching = (stepEnd + stride - 1) / stride, left = stepEnd - (reaching - 1) * stride;
        for (int e = 0; e < Math.Min(survival.Length, stepEnd); e++)
        {
            survival[e] += prefix[Math.Min(reaching, weights.Length)];
            if (--left == 0)
            {
                reaching--;
                left = stride;
            }
        }
    }

    // Narrow blurs: the heat series, tabulated on the interpolation grid.
    private static BlurredGumbel HeatSeriesTable(double scale, double lowest, double step, double reach, int rowStride)
    {
        double start = lowest - Stencil * step;
        int count = (int)Math.Ceiling((VanishesAbove + reach * HeatSeriesBelow - start) / step) + Stencil;
        // The series sum_k (s^2/2)^k / k! D^{2k} [x^power e^{-x}] is one polynomial in x = e^c times e^{-x}: its
        // coefficients are summed once, then each table column is a Horner pass over the whole table.
        var x = new double[count];
        for (int j = 0; j < count; j++) x[j] = start + j * step;
        TensorPrimitives.Exp(x, x);
        // x below 700 keeps Exp on its vectorised path; values under 1e-200 are flushed (see TinyValues).
        TensorPrimitives.Min(x, 700.0, x);
        var e = new double[count];
        TensorPrimitives.Negate(x, e);
        TensorPrimitives.Exp(e, e);
        var survival = Horner(HeatPolynomial(SurvivalDerivatives, scale), x);
        var density = Horner(HeatPolynomial(DensityDerivatives, scale), x);
        TensorPrimitives.Multiply(survival, e, survival);
        TensorPrimitives.Multiply(density, e, density);
        TinyValues.Flush(survival);
        TinyValues.Flush(density);
        return new BlurredGumbel(start, step, survival, density, rowStride);
    }

    /// <summary>Coefficients of sum_k (s^2/2)^k / k! P_{2k}(x), P_n the polynomial of D^n [x^power e^{-x}] = P_n(x) e^{-x}.</summary>
    private static double[] HeatPolynomial(double[][] derivatives, double scale)
    {
        var sum = new double[derivatives[^1].Length];
        double half = 0.5 * scale * scale, coefficient = 1;
        for (int k = 0; 2 * k < derivatives.Length; k++)
        {
            var p = derivatives[2 * k];
            for (int i = 0; i < p.Length; i++) sum[i] += coefficient * p[i];
            coefficient *= half / (k + 1);
        }
        return sum;
    }

    private static double[] Horner(double[] coefficients, double[] x)
    {
        var value = new double[x.Length];
        Array.Fill(value, coefficients[^1]);
        for (int i = coefficients.Length - 2; i >= 0; i--) TensorPrimitives.MultiplyAdd(value, x, coefficients[i], value);
        return value;
    }

    /// <summary>Both functions are zero, as evaluated here, above this argument.</summary>
    public double End => _end;

    /// <summary>(H(c), J(c)).</summary>
    public (double Survival, double Density) Evaluate(double c)
    {
        if (c > _end) return (0.0, 0.0);
        double position = (c - _start) / _step;
        int first = (int)Math.Floor(position) - Stencil / 2 + 1;
        if (first < 0) first = 0;
        if (first > _survival.Length - Stencil) first = _survival.Length - Stencil;
        Span<double> w = stackalloc double[Stencil];
        LagrangeWeights(position - first, w);
        double hs = 0, hd = 0;
        for (int j = 0; j < Stencil; j++)
        {
            hs += w[j] * _survival[first + j];
            hd += w[j] * _density[first + j];
        }
        // Interpolation may undershoot by ~1e-16 where the functions vanish; keep them in their ranges.
        return (Math.Clamp(hs, 0.0, 1.0), Math.Max(hd, 0.0));
    }

    /// <summary>
    /// (H, J · <paramref name="densityFactor"/>) at c_i = <paramref name="first"/> + i h, i &lt; survival.Length, where h
    /// is the grid spacing given to <see cref="Create"/>: one set of Lagrange weights serves the whole row, and the
    /// phase-split tables make each stencil term's values contiguous, so four outputs at a time are summed in registers.
    /// Values below <see cref="TinyValues.Threshold"/> are set to zero (see there).
    /// </summary>
    public void EvaluateRow(double first, Span<double> survival, Span<double> density, double densityFactor = 1.0)
    {
        int count = survival.Length;
        survival.Clear();
        density.Clear();
        // Rows starting above the table's end vanish (this also keeps huge arguments away from the int conversion).
        if (first > _end) return;
        double position = (first - _start) / _step;
        int baseIndex = (int)Math.Floor(position) - Stencil / 2 + 1;
        if (baseIndex < 0)
        {
            // Below the table (not reached by the quadrature, whose arguments start at the table's lowest point).
            for (int i = 0; i < count; i++)
            {
                var (hs, hd) = Evaluate(first + i * _stride * _step);
                (survival[i], density[i]) = (hs, hd * densityFactor);
            }
            TinyValues.Flush(survival);
            TinyValues.Flush(density);
            return;
        }
        Span<double> w = stackalloc double[Stencil];
        LagrangeWeights(position - baseIndex, w);
        // Rows whose stencil lies inside the table; above its end both functions vanish (left at zero).
        int limit = _survival.Length - Stencil;
        int inside = baseIndex > limit ? 0 : Math.Min(count, (limit - baseIndex) / _stride + 1);
        Span<int> at = stackalloc int[Stencil];
        for (int j = 0; j < Stencil; j++)
        {
            int index = baseIndex + j;
            at[j] = index % _stride * _phaseLength + index / _stride;
        }
        int done = 0;
        if (Vector256.IsHardwareAccelerated) done = RowVectorised(w, at, inside, densityFactor, survival, density);
        for (int i = done; i < inside; i++)
        {
            double hs = 0, hd = 0;
            for (int j = 0; j < Stencil; j++)
            {
                hs += w[j] * _survivalPhases[at[j] + i];
                hd += w[j] * _densityPhases[at[j] + i];
            }
            // Interpolation may undershoot by ~1e-16 where the functions vanish; keep them in their ranges.
            hs = Math.Clamp(hs, 0.0, 1.0);
            hd = Math.Max(hd, 0.0) * densityFactor;
            survival[i] = hs < TinyValues.Threshold ? 0.0 : hs;
            density[i] = hd < TinyValues.Threshold ? 0.0 : hd;
        }
    }

    /// <summary>The first multiple of four outputs of <see cref="EvaluateRow"/>; returns how many were written.</summary>
    private int RowVectorised(ReadOnlySpan<double> w, ReadOnlySpan<int> at, int inside, double densityFactor,
        Span<double> survival, Span<double> density)
    {
        ref double tableS = ref MemoryMarshal.GetArrayDataReference(_survivalPhases);
        ref double tableD = ref MemoryMarshal.GetArrayDataReference(_densityPhases);
        ref double outS = ref MemoryMarshal.GetReference(survival);
        ref double outD = ref MemoryMarshal.GetReference(density);
        var stencil = new RowStencil(w, at);
        var zero = Vector256<double>.Zero;
        var one = Vector256<double>.One;
        var tiny = Vector256.Create(TinyValues.Threshold);
        var factor = Vector256.Create(densityFactor);
        int i = 0;
        for (; i + Vector256<double>.Count <= inside; i += Vector256<double>.Count)
        {
            nuint o = (nuint)i;
            var s = stencil.Apply(ref tableS, o);
            var d = stencil.Apply(ref tableD, o);
            // Interpolation may undershoot by ~1e-16 where the functions vanish; keep them in their ranges.
            s = Vector256.Min(Vector256.Max(s, zero), one);
            d = Vector256.Max(d, zero) * factor;
            Vector256.ConditionalSelect(Vector256.LessThan(s, tiny), zero, s).StoreUnsafe(ref outS, o);
            Vector256.ConditionalSelect(Vector256.LessThan(d, tiny), zero, d).StoreUnsafe(ref outD, o);
        }
        return i;
    }

    /// <summary>The eight Lagrange weights of one row and the phase-split table offsets they apply to.</summary>
    private readonly struct RowStencil(ReadOnlySpan<double> w, ReadOnlySpan<int> at)
    {
        private readonly Vector256<double> _w0 = Vector256.Create(w[0]), _w1 = Vector256.Create(w[1]), _w2 = Vector256.Create(w[2]),
            _w3 = Vector256.Create(w[3]), _w4 = Vector256.Create(w[4]), _w5 = Vector256.Create(w[5]), _w6 = Vector256.Create(w[6]),
            _w7 = Vector256.Create(w[7]);
        private readonly nuint _a0 = (nuint)at[0], _a1 = (nuint)at[1], _a2 = (nuint)at[2], _a3 = (nuint)at[3],
            _a4 = (nuint)at[4], _a5 = (nuint)at[5], _a6 = (nuint)at[6], _a7 = (nuint)at[7];

        /// <summary>Four interpolated values, the table's outputs o .. o + 3 of the row.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<double> Apply(ref double table, nuint o)
        {
            var v = _w0 * Vector256.LoadUnsafe(ref table, _a0 + o);
            v = Vector256.FusedMultiplyAdd(_w1, Vector256.LoadUnsafe(ref table, _a1 + o), v);
            v = Vector256.FusedMultiplyAdd(_w2, Vector256.LoadUnsafe(ref table, _a2 + o), v);
            v = Vector256.FusedMultiplyAdd(_w3, Vector256.LoadUnsafe(ref table, _a3 + o), v);
            v = Vector256.FusedMultiplyAdd(_w4, Vector256.LoadUnsafe(ref table, _a4 + o), v);
            v = Vector256.FusedMultiplyAdd(_w5, Vector256.LoadUnsafe(ref table, _a5 + o), v);
            v = Vector256.FusedMultiplyAdd(_w6, Vector256.LoadUnsafe(ref table, _a6 + o), v);
            return Vector256.FusedMultiplyAdd(_w7, Vector256.LoadUnsafe(ref table, _a7 + o), v);
        }
    }

    /// <summary>
    /// Lagrange weights of the <see cref="Stencil"/> equispaced nodes 0, 1, ... at offset <paramref name="t"/>, without
    /// divisions by (t - k): prod_{k != j} (t - k) / prod_{k != j} (j - k) from prefix and suffix products.
    /// </summary>
    private static void LagrangeWeights(double t, Span<double> weights)
    {
        Span<double> prefix = stackalloc double[Stencil + 1];
        Span<double> suffix = stackalloc double[Stencil + 1];
        prefix[0] = 1;
        suffix[Stencil] = 1;
        for (int k = 0; k < Stencil; k++) prefix[k + 1] = prefix[k] * (t - k);
        for (int k = Stencil - 1; k >= 0; k--) suffix[k] = suffix[k + 1] * (t - k);
        for (int j = 0; j < Stencil; j++) weights[j] = prefix[j] * suffix[j + 1] / LagrangeDenominators[j];
    }

    // D = d/dc = x d/dx with x = e^c; D[P(x) e^{-x}] = x (P'(x) - P(x)) e^{-x}. Start from P = x^power.
    private static double[][] DerivativePolynomials(int power, int order)
    {
        var result = new double[order + 1][];
        var p = new double[power + 1];
        p[power] = 1;
        result[0] = p;
        for (int n = 1; n <= order; n++)
        {
            var next = new double[p.Length + 1];
            for (int i = 0; i < p.Length; i++)
            {
                next[i + 1] -= p[i];
                next[i] += i * p[i];
            }
            result[n] = p = next;
        }
        return result;
    }

    private static double[] Denominators()
    {
        var d = new double[Stencil];
        for (int j = 0; j < Stencil; j++)
        {
            double v = 1;
            for (int k = 0; k < Stencil; k++)
                if (k != j) v *= j - k;
            d[j] = v;
        }
        return d;
    }
}
