// SPDX-License-Identifier: MIT
using System.Numerics.Tensors;
using NnQft.Model;
using NnQft.Numerics.Randomness;

namespace NnQft.Numerics.Spectral;

/// <summary>Builds the frequency sampler of a spectral density record, in any dimension d.</summary>
/// <example><code>ISpectralSampler s = SpectralSamplers.For(new MaternDensity(3, 0.5), dimension: 2);</code></example>
public static class SpectralSamplers
{
    /// <summary>The sampler of <paramref name="density"/> on R^<paramref name="dimension"/>.</summary>
    /// <example><code>ISpectralSampler s = SpectralSamplers.For(new BallDensity(4.0), dimension: 3);</code></example>
    public static ISpectralSampler For(SpectralDensity density, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArchitectureValidator.Density("density", density, dimension);
        return density switch
        {
            GaussianDensity g => new StudentTSampler(dimension, 1.0 / g.LengthScale, double.PositiveInfinity),
            MaternDensity m => new StudentTSampler(dimension, 1.0 / m.LengthScale, m.Nu),
            CauchyDensity c => new StudentTSampler(dimension, 1.0 / c.LengthScale, 1.0),
            BallDensity b => new BallSampler(dimension, b.Cutoff, mass: double.NaN),
            FreeScalarDensity f => new BallSampler(dimension, f.Cutoff, f.Mass),
            _ => throw new InvalidInputException("family", "must be gaussian, matern, cauchy, ball or freeScalar", density.Family),
        };
    }

    /// <summary>
    /// Gaussian (nu = infinity) and multivariate Student-t: w = z * scale / sqrt(chi2_nu / nu), z ~ N(0, I_d).
    /// The common chi-squared divisor of all d coordinates is what makes it multivariate (and isotropic).
    /// </summary>
    private sealed class StudentTSampler(int dimension, double scale, double nu) : ISpectralSampler
    {
        public int Dimension => dimension;

        public bool UnitAmplitude => true;

        public double Sample(NetworkRandom random, Span<double> w)
        {
            double f = scale;
            if (!double.IsPositiveInfinity(nu)) f /= Math.Sqrt(random.ChiSquared(nu) / nu);
            for (int c = 0; c < w.Length; c++) w[c] = f * random.Normal();
            return 1.0;
        }

        public void SampleColumns(NetworkRandom random, int count, Span<double> columns, Span<double> amplitudes)
        {
            var all = columns[..(count * dimension)];
            random.FillNormal(all);
            if (double.IsPositiveInfinity(nu))
            {
                TensorPrimitives.Multiply(all, scale, all);
            }
            else
            {
                // One chi-squared divisor per frequency, shared by its d coordinates.
                var factors = amplitudes[..count];
                for (int m = 0; m < count; m++) factors[m] = scale / Math.Sqrt(random.ChiSquared(nu) / nu);
                for (int c = 0; c < dimension; c++)
                    TensorPrimitives.Multiply(all.Slice(c * count, count), factors, all.Slice(c * count, count));
            }
            amplitudes[..count].Fill(1.0);
        }

        public double Amplitude(ReadOnlySpan<double> w) => 1.0;
    }

    /// <summary>
    /// Uniform in the ball of radius L: an isotropic direction times L * U^(1/d). With a mass (freeScalar) the
    /// amplitude is g(w) = sqrt(vol(B_L) / ((2 pi)^d (|w|^2 + m^2))), so that E[g^2 cos(w.r)] is the cut-off propagator.
    /// </summary>
    private sealed class BallSampler : ISpectralSampler
    {
        private readonly int dimension;
        private readonly double cutoff;
        private readonly double mass;
        private readonly double amplitudeNumerator;

        public BallSampler(int dimension, double cutoff, double mass)
        {
            this.dimension = dimension;
            this.cutoff = cutoff;
            this.mass = mass;
            // vol(B_L) / (2 pi)^d with vol(B_L) = pi^(d/2) L^d / Gamma(d/2 + 1), in logs to survive large d.
            double logVolume = 0.5 * dimension * Math.Log(Math.PI) + dimension * Math.Log(cutoff)
                - MathNet.Numerics.SpecialFunctions.GammaLn(0.5 * dimension + 1.0);
            amplitudeNumerator = Math.Exp(logVolume - dimension * Math.Log(2.0 * Math.PI));
        }

        public int Dimension => dimension;

        public bool UnitAmplitude => double.IsNaN(mass);

        public double Sample(NetworkRandom random, Span<double> w)
        {
            double norm2;
            do
            {
                norm2 = 0;
                for (int c = 0; c < w.Length; c++)
                {
                    double z = random.Normal();
                    w[c] = z;
                    norm2 += z * z;
                }
            }
            while (norm2 == 0.0);
            double radius = cutoff * Math.Pow(random.Uniform(), 1.0 / dimension);
            double f = radius / Math.Sqrt(norm2);
            for (int c = 0; c < w.Length; c++) w[c] *= f;
            return UnitAmplitude ? 1.0 : Math.Sqrt(amplitudeNumerator / (radius * radius + mass * mass));
        }

        public double Amplitude(ReadOnlySpan<double> w)
        {
            if (UnitAmplitude) return 1.0;
            double norm2 = 0;
            foreach (double x in w) norm2 += x * x;
            return Math.Sqrt(amplitudeNumerator / (norm2 + mass * mass));
        }
    }
}
