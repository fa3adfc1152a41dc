// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Kernels;

/// <summary>
/// A stationary, isotropic random-feature kernel k(r) = E_w[g(w)^2 cos(w . r)], r = |x - y| (docs/theory.md section 7).
/// Instances are immutable and thread-safe; <see cref="Value"/> does not allocate.
/// </summary>
/// <example><code>RadialKernel k = KernelEvaluator.For(new GaussianDensity(0.7), 2); double c = k.Between([0.0, 0.0], [0.5, 0.0]);</code></example>
public abstract class RadialKernel
{
    private protected RadialKernel(int dimension) => Dimension = dimension;

    /// <summary>The space dimension d the kernel was built for.</summary>
    /// <example><code>int d = KernelEvaluator.For(new GaussianDensity(0.7), 3).Dimension; // 3</code></example>
    public int Dimension { get; }

    /// <summary>k(r) for r &gt;= 0 (negative r is read as |r|).</summary>
    /// <example><code>double k = KernelEvaluator.For(new CauchyDensity(1.0), 2).Value(2.0); // ~0.1353352832: exp(-2)</code></example>
    public abstract double Value(double r);

    /// <summary>k(0): 1 for the plain families, the total amplitude for amplitude-weighted ones.</summary>
    /// <example><code>double k0 = KernelEvaluator.For(new GaussianDensity(0.7), 2).AtZero; // 1</code></example>
    public virtual double AtZero => Value(0.0);

    /// <summary>k(|x - y|) for two points of the same dimension.</summary>
    /// <example><code>double k = KernelEvaluator.For(new GaussianDensity(1.0), 2).Between([0.0, 0.0], [0.0, 1.0]); // ~0.6065306597: exp(-1/2)</code></example>
    public double Between(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - y[i];
            s += d * d;
        }
        return Value(Math.Sqrt(s));
    }
}
