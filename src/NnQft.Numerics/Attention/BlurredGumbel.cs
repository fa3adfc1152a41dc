// SPDX-License-Identifier: MIT
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

    private readonly double _scale;
    private readonly double _start;
    private readonly double _step;
    private readonly double _end;
    private readonly double[] _survival;
    private readonly double[] _density;
    private static readonly double[] LagrangeDenominators = Denominators();

    private BlurredGumbel(double scale, double start, double step, double[] survival, double[] density)
    {
        _scale = scale;
        _start = start;
        _step = step;
        _survival = survival;
        _density = density;
        _end = start + (survival.Length - 1) * step;
    }

    /// <summary>
    /// The blur of width <paramref name="scale"/>, tabulated (when needed) for arguments from <paramref name="lowest"/>
    /// on, with a table spacing that divides <paramref name="gridSpacing"/> so rows of arguments spaced by it share
    /// their interpolation weights (<see cref="EvaluateRow"/>).
    /// </summary>
    public static BlurredGumbel Create(double scale, double lowest, double gridSpacing, double refinement)
    {
        double step = 0.02 * Math.Max(1.0, scale) / refinement;
        step = gridSpacing / Math.Ceiling(gridSpacing / step);
        if (scale < HeatSeriesBelow) return HeatSeriesTable(scale, lowest, step);
        // The trapezoid lattice (spacing <= min(0.25, s / 2.5), see GaussianBlur) is a stride of the table grid,
        // so kappa is evaluated once per table node and each table value is a strided dot product.
        int stride = Math.Max(1, (int)Math.Floor(Math.Min(0.25, scale / 2.5) / refinement / step));
        double fine = stride * step;
        int taps = (int)Math.Ceiling(GaussianBlur.Reach * scale / fine);
        int pad = taps * stride;
        double highest = VanishesAbove + GaussianBlur.Reach * scale;
        double start = lowest - Stencil * step;
        int count = (int)Math.Ceiling((highest - start) / step) + Stencil;
        // Kernel samples at start + (l - pad) * step; beyond VanishesAbove they are zero and left out.
        int sampleCount = Math.Min(count + 2 * pad, (int)Math.Ceiling((VanishesAbove - start) / step) + pad + 1);
        var kernelSurvival = new double[sampleCount];
        var kernelDensity = new double[sampleCount];
        for (int l = 0; l < sampleCount; l++)
        {
            double x = Math.Exp(start + (l - pad) * step);
            double k = x < 746 ? Math.Exp(-x) : 0.0;
            kernelSurvival[l] = k;
            kernelDensity[l] = x * x * k;
        }
        var weights = new double[2 * taps + 1];
        double norm = fine / (Math.Sqrt(2 * Math.PI) * scale);
        for (int t = -taps; t <= taps; t++)
        {
            double u = t * fine / scale;
            weights[t + taps] = norm * Math.Exp(-0.5 * u * u);
        }
        var survival = new double[count];
        var density = new double[count];
        for (int j = 0; j < count; j++)
        {
            double hs = 0, hd = 0;
            int l = j;
            for (int t = 0; t < weights.Length && l < sampleCount; t++, l += stride)
            {
                hs += weights[t] * kernelSurvival[l];
                hd += weights[t] * kernelDensity[l];
            }
            survival[j] = hs;
            density[j] = hd;
        }
        return new BlurredGumbel(scale, start, step, survival, density);
    }

    // Narrow blurs: the heat series is exact enough but costs two exponentials and twelve polynomials per value;
    // tabulate it once on the interpolation grid instead.
    private static BlurredGumbel HeatSeriesTable(double scale, double lowest, double step)
    {
        var series = new BlurredGumbel(scale, 0, 0, [], []);
        double start = lowest - Stencil * step;
        int count = (int)Math.Ceiling((VanishesAbove + GaussianBlur.Reach * HeatSeriesBelow - start) / step) + Stencil;
        var survival = new double[count];
        var density = new double[count];
        for (int j = 0; j < count; j++) (survival[j], density[j]) = series.HeatSeries(start + j * step);
        return new BlurredGumbel(scale, start, step, survival, density);
    }

    /// <summary>(H(c), J(c)).</summary>
    public (double Survival, double Density) Evaluate(double c)
    {
        if (_survival.Length == 0) return HeatSeries(c);
        if (c > _end) return (0.0, 0.0);
        double position = (c - _start) / _step;
        int first = (int)Math.Floor(position) - Stencil / 2 + 1;
        if (first < 0) first = 0;
        if (first > _survival.Length - Stencil) first = _survival.Length - Stencil;
        double t = position - first;
        // Barycentric-free Lagrange on equispaced nodes: prod_{k != j} (t - k) / prod_{k != j} (j - k).
        Span<double> prefix = stackalloc double[Stencil + 1];
        Span<double> suffix = stackalloc double[Stencil + 1];
        prefix[0] = 1;
        suffix[Stencil] = 1;
        for (int k = 0; k < Stencil; k++) prefix[k + 1] = prefix[k] * (t - k);
        for (int k = Stencil - 1; k >= 0; k--) suffix[k] = suffix[k + 1] * (t - k);
        double hs = 0, hd = 0;
        for (int j = 0; j < Stencil; j++)
        {
            double w = prefix[j] * suffix[j + 1] / LagrangeDenominators[j];
            hs += w * _survival[first + j];
            hd += w * _density[first + j];
        }
        // Interpolation may undershoot by ~1e-16 where the functions vanish; keep them in their ranges.
        return (Math.Clamp(hs, 0.0, 1.0), Math.Max(hd, 0.0));
    }

    /// <summary>
    /// (H, J) at c_i = <paramref name="first"/> + i <paramref name="spacing"/>, i &lt; survival.Length, where
    /// <paramref name="spacing"/> is the grid spacing given to <see cref="Create"/>: one set of Lagrange weights
    /// serves the whole row.
    /// </summary>
    public void EvaluateRow(double first, double spacing, Span<double> survival, Span<double> density)
    {
        int count = survival.Length;
        if (_survival.Length == 0)
        {
            for (int i = 0; i < count; i++) (survival[i], density[i]) = HeatSeries(first + i * spacing);
            return;
        }
        int stride = (int)Math.Round(spacing / _step);
        double position = (first - _start) / _step;
        int baseIndex = (int)Math.Floor(position) - Stencil / 2 + 1;
        double t = position - baseIndex;
        Span<double> prefix = stackalloc double[Stencil + 1];
        Span<double> suffix = stackalloc double[Stencil + 1];
        Span<double> w = stackalloc double[Stencil];
        prefix[0] = 1;
        suffix[Stencil] = 1;
        for (int k = 0; k < Stencil; k++) prefix[k + 1] = prefix[k] * (t - k);
        for (int k = Stencil - 1; k >= 0; k--) suffix[k] = suffix[k + 1] * (t - k);
        for (int j = 0; j < Stencil; j++) w[j] = prefix[j] * suffix[j + 1] / LagrangeDenominators[j];
        int limit = _survival.Length - Stencil;
        for (int i = 0; i < count; i++)
        {
            int b = baseIndex + i * stride;
            if (b < 0 || b > limit)
            {
                (survival[i], density[i]) = b > limit ? (0.0, 0.0) : Evaluate(first + i * spacing);
                continue;
            }
            double hs = 0, hd = 0;
            for (int j = 0; j < Stencil; j++)
            {
                hs += w[j] * _survival[b + j];
                hd += w[j] * _density[b + j];
            }
            survival[i] = Math.Clamp(hs, 0.0, 1.0);
            density[i] = Math.Max(hd, 0.0);
        }
    }

    private (double, double) HeatSeries(double c)
    {
        double x = Math.Exp(c);
        if (x > 746) return (0.0, 0.0);
        double e = Math.Exp(-x);
        if (_scale == 0) return (e, x * x * e);
        double half = 0.5 * _scale * _scale, coefficient = 1, hs = 0, hd = 0;
        for (int k = 0; 2 * k < SurvivalDerivatives.Length; k++)
        {
            hs += coefficient * Polynomial(SurvivalDerivatives[2 * k], x);
            hd += coefficient * Polynomial(DensityDerivatives[2 * k], x);
            coefficient *= half / (k + 1);
        }
        return (hs * e, hd * e);
    }

    private static double Polynomial(double[] coefficients, double x)
    {
        double s = 0;
        for (int i = coefficients.Length - 1; i >= 0; i--) s = s * x + coefficients[i];
        return s;
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
