// SPDX-License-Identifier: MIT
using System.Numerics;

namespace NnQft.Numerics.Estimation;

/// <summary>
/// An exact sum of doubles: every finite double is an integer multiple of 2^-1074, so the sum is kept as that
/// integer (a BigInteger). Addition is exact, hence associative and commutative: any grouping of the same addends
/// gives the same bits, which is what makes threads, shards and checkpoints bit-identical.
/// </summary>
internal struct ExactSum
{
    private const int Scale = 1074;

    /// <summary>The sum times 2^1074.</summary>
    public BigInteger Scaled;

    /// <summary>Adds a finite double exactly.</summary>
    public void Add(double value)
    {
        if (value == 0) return;
        if (!double.IsFinite(value)) throw new ArithmeticException($"a non-finite value ({value}) reached an exact sum");
        long bits = BitConverter.DoubleToInt64Bits(value);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & ((1L << 52) - 1);
        BigInteger scaled;
        if (exponent == 0) scaled = mantissa;
        else scaled = new BigInteger(mantissa | (1L << 52)) << (exponent - 1);
        Scaled += bits < 0 ? -scaled : scaled;
    }

    /// <summary>Adds another exact sum.</summary>
    public void Add(ExactSum other) => Scaled += other.Scaled;

    /// <summary>The sum rounded to a double (deterministically: truncated to 64 leading bits, then rounded).</summary>
    public readonly double ToDouble()
    {
        if (Scaled.IsZero) return 0;
        var magnitude = BigInteger.Abs(Scaled);
        int shift = (int)Math.Max(0, magnitude.GetBitLength() - 64);
        double top = (double)(ulong)(magnitude >> shift);
        double v = Math.ScaleB(top, shift - Scale);
        return Scaled.Sign < 0 ? -v : v;
    }
}
