// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

using System.Numerics;

namespace NnQft.Numerics.Randomness;

/// <summary>
/// The random stream of one network: xoshiro256** seeded by SplitMix64 from a hash of (seed, network index), so a
/// network's draws depend on nothing else (not on threads, batches or shards). A small sealed class with no virtual
/// calls because the samplers draw thousands of numbers per network; reuse one instance per thread via
/// <see cref="Reset"/>.
/// </summary>
/// <example><code>var rng = new NetworkRandom(seed: 42, network: 7); double z = rng.Normal();</code></example>
public sealed class NetworkRandom
{
    private ulong s0, s1, s2, s3;

    /// <summary>The stream of network <paramref name="network"/> under <paramref name="seed"/>.</summary>
    /// <example><code>var rng = new NetworkRandom(seed: 1, network: 17); double z = rng.Normal();</code></example>
    public NetworkRandom(ulong seed, long network) => Reset(seed, network);

    /// <summary>Restarts this instance on the stream of network <paramref name="network"/>.</summary>
    /// <example><code>var rng = new NetworkRandom(1, 0); rng.Reset(1, 1); // now network 1's stream, no allocation</code></example>
    public void Reset(ulong seed, long network)
    {
        ulong x = SplitMix(seed ^ 0x6A09E667F3BCC909UL);
        x = SplitMix(x ^ ((ulong)network * 0x9E3779B97F4A7C15UL + 0xBB67AE8584CAA73BUL));
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    /// <summary>The next 64 random bits.</summary>
    /// <example><code>ulong bits = new NetworkRandom(1, 0).NextUInt64();</code></example>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    /// <example><code>double u = new NetworkRandom(1, 0).Uniform(); // in [0, 1)</code></example>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Uniform() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on (0, 1]: safe under a logarithm.</summary>
    /// <example><code>double u = new NetworkRandom(1, 0).UniformPositive(); // in (0, 1]: safe for Math.Log(u)</code></example>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double UniformPositive() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>
    /// A standard normal variate: Doornik's ZIGNOR ziggurat (128 layers). One 64-bit draw gives the layer (low 7 bits)
    /// and a uniform sign-and-offset (high 53 bits); about 99% of draws return after one comparison, which matters
    /// because the random features need thousands of normals per network.
    /// </summary>
    /// <example><code>double z = new NetworkRandom(1, 0).Normal();</code></example>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Normal()
    {
        ulong bits = NextUInt64();
        int layer = (int)(bits & 0x7F);
        double u = 2.0 * ((bits >> 11) * (1.0 / (1UL << 53))) - 1.0;
        if (Math.Abs(u) < Ziggurat.Ratio[layer]) return u * Ziggurat.X[layer];
        return NormalSlowPath(layer, u);
    }

    private double NormalSlowPath(int layer, double u)
    {
        while (true)
        {
            if (Math.Abs(u) < Ziggurat.Ratio[layer]) return u * Ziggurat.X[layer];
            if (layer == 0)
            {
                // The base layer beyond R: Marsaglia's exact tail algorithm.
                double x, y;
                do
                {
                    x = Math.Log(UniformPositive()) / Ziggurat.R;
                    y = Math.Log(UniformPositive());
                }
                while (-2 * y < x * x);
                return u < 0 ? x - Ziggurat.R : Ziggurat.R - x;
            }
            // A wedge: accept under the density between the layer's edges.
            double xw = u * Ziggurat.X[layer];
            double f0 = Math.Exp(-0.5 * (Ziggurat.X[layer] * Ziggurat.X[layer] - xw * xw));
            double f1 = Math.Exp(-0.5 * (Ziggurat.X[layer + 1] * Ziggurat.X[layer + 1] - xw * xw));
            if (f1 + Uniform() * (f0 - f1) < 1.0) return xw;
            ulong bits = NextUInt64();
            layer = (int)(bits & 0x7F);
            u = 2.0 * ((bits >> 11) * (1.0 / (1UL << 53))) - 1.0;
        }
    }

    /// <summary>Fills <paramref name="target"/> with standard normal variates (in order, as repeated <see cref="Normal"/>).</summary>
    /// <example><code>var w = new double[8]; new NetworkRandom(1, 0).FillNormal(w);</code></example>
    public void FillNormal(Span<double> target)
    {
        // The same draws as repeated Normal(), with the generator state in locals (registers) on the fast path: the
        // samplers take thousands of normals per network here, and field loads and stores per draw cost a third.
        ulong a = s0, b = s1, c = s2, d = s3;
        var ratio = Ziggurat.Ratio;
        var x = Ziggurat.X;
        for (int i = 0; i < target.Length; i++)
        {
            ulong bits = BitOperations.RotateLeft(b * 5, 7) * 9;
            ulong t = b << 17;
            c ^= a;
            d ^= b;
            b ^= c;
            a ^= d;
            c ^= t;
            d = BitOperations.RotateLeft(d, 45);
            int layer = (int)(bits & 0x7F);
            double u = 2.0 * ((bits >> 11) * (1.0 / (1UL << 53))) - 1.0;
            if (Math.Abs(u) < ratio[layer])
            {
                target[i] = u * x[layer];
                continue;
            }
            (s0, s1, s2, s3) = (a, b, c, d);
            target[i] = NormalSlowPath(layer, u);
            (a, b, c, d) = (s0, s1, s2, s3);
        }
        (s0, s1, s2, s3) = (a, b, c, d);
    }

    /// <summary>A Gamma(<paramref name="shape"/>, 1) variate (Marsaglia and Tsang; shape &lt; 1 by the U^(1/a) boost).</summary>
    /// <example><code>double g = new NetworkRandom(1, 0).Gamma(shape: 1.5);</code></example>
    public double Gamma(double shape)
    {
        if (shape < 1.0)
            return Gamma(shape + 1.0) * Math.Pow(UniformPositive(), 1.0 / shape);
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1.0 + c * x;
            }
            while (v <= 0.0);
            v = v * v * v;
            double u = UniformPositive();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2) return d * v;
            if (Math.Log(u) < 0.5 * x2 + d * (1.0 - v + Math.Log(v))) return d * v;
        }
    }

    /// <summary>A chi-squared variate with <paramref name="dof"/> degrees of freedom.</summary>
    /// <example><code>double c = new NetworkRandom(1, 0).ChiSquared(3);</code></example>
    public double ChiSquared(double dof) => 2.0 * Gamma(0.5 * dof);

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix(x);
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The ziggurat's layer edges X[i] and the inner-box ratios X[i+1]/X[i] (Doornik, "An improved ziggurat method").</summary>
    private static class Ziggurat
    {
        public const double R = 3.442619855899;
        private const double V = 9.91256303526217e-3;
        public static readonly double[] X = new double[129];
        public static readonly double[] Ratio = new double[128];

        static Ziggurat()
        {
            double f = Math.Exp(-0.5 * R * R);
            X[0] = V / f;
            X[1] = R;
            X[128] = 0;
            for (int i = 2; i < 128; i++)
            {
                X[i] = Math.Sqrt(-2 * Math.Log(V / X[i - 1] + f));
                f = Math.Exp(-0.5 * X[i] * X[i]);
            }
            for (int i = 0; i < 128; i++) Ratio[i] = X[i + 1] / X[i];
        }
    }
}
