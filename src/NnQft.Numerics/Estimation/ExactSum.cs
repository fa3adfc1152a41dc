// SPDX-License-Identifier: MIT
using System.Numerics;

namespace NnQft.Numerics.Estimation;

/// <summary>
/// An exact sum of doubles: every finite double is an integer multiple of 2^-1074, so the sum is kept as that
/// integer. Addition is exact, hence associative and commutative: any grouping of the same addends gives the same
/// bits, which is what makes threads, shards and checkpoints bit-identical.
/// <para>Cost: a BigInteger addition allocates, and a run adds one double per accumulated product per block of
/// networks, so with many entries (a G2-only run over thousands of points) it would dominate. Addends therefore
/// first go into a short floating-point expansion (Shewchuk's Grow-Expansion: nonoverlapping doubles whose sum is
/// exactly the sum of the addends, kept exact by TwoSum), which is folded into the integer only when it would exceed
/// <see cref="ExpansionLength"/> terms, when an addend is near overflow, or when the value is read. The represented
/// value is always the exact sum, so the result is unchanged bit for bit.</para>
/// </summary>
internal struct ExactSum
{
    private const int Scale = 1074;
    private const int ExpansionLength = 4;

    // TwoSum is exact unless a sum overflows; larger addends go straight to the integer.
    private const double ExpansionLimit = 1e300;

    private BigInteger scaled;
    private double e0, e1, e2, e3;
    private int terms;

    /// <summary>The sum times 2^1074 (reading folds the expansion; writing replaces the whole value).</summary>
    public BigInteger Scaled
    {
        readonly get => scaled + ExpansionScaled();
        set
        {
            scaled = value;
            terms = 0;
        }
    }

    /// <summary>Adds a finite double exactly.</summary>
    public void Add(double value)
    {
        if (value == 0) return;
        if (!double.IsFinite(value)) throw new ArithmeticException($"a non-finite value ({value}) reached an exact sum");
        if (Math.Abs(value) > ExpansionLimit)
        {
            scaled += ScaledOf(value);
            return;
        }
        // Grow-Expansion: carry the addend through the terms (smallest first), keeping the nonzero round-off terms.
        double carry = value;
        int n = 0;
        Span<double> next = stackalloc double[ExpansionLength + 1];
        for (int i = 0; i < terms; i++)
        {
            double term = Term(i);
            double sum = carry + term;
            double virtualTerm = sum - carry;
            double error = (carry - (sum - virtualTerm)) + (term - virtualTerm);
            if (error != 0) next[n++] = error;
            carry = sum;
        }
        if (Math.Abs(carry) > ExpansionLimit)
        {
            scaled += ScaledOf(carry);
            carry = 0;
        }
        if (carry != 0) next[n++] = carry;
        if (n > ExpansionLength)
        {
            for (int i = 0; i < n; i++) scaled += ScaledOf(next[i]);
            n = 0;
        }
        terms = n;
        e0 = n > 0 ? next[0] : 0;
        e1 = n > 1 ? next[1] : 0;
        e2 = n > 2 ? next[2] : 0;
        e3 = n > 3 ? next[3] : 0;
    }

    /// <summary>Adds another exact sum.</summary>
    public void Add(ExactSum other) => Scaled = Scaled + other.Scaled;

    /// <summary>The sum rounded to a double (deterministically: truncated to 64 leading bits, then rounded).</summary>
    public readonly double ToDouble()
    {
        var value = Scaled;
        if (value.IsZero) return 0;
        var magnitude = BigInteger.Abs(value);
        int shift = (int)Math.Max(0, magnitude.GetBitLength() - 64);
        double top = (double)(ulong)(magnitude >> shift);
        double v = Math.ScaleB(top, shift - Scale);
        return value.Sign < 0 ? -v : v;
    }

    private readonly double Term(int i) => i switch { 0 => e0, 1 => e1, 2 => e2, _ => e3 };

    private readonly BigInteger ExpansionScaled()
    {
        BigInteger sum = BigInteger.Zero;
        for (int i = 0; i < terms; i++) sum += ScaledOf(Term(i));
        return sum;
    }

    private static BigInteger ScaledOf(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & ((1L << 52) - 1);
        BigInteger magnitude = exponent == 0 ? mantissa : new BigInteger(mantissa | (1L << 52)) << (exponent - 1);
        return bits < 0 ? -magnitude : magnitude;
    }
}
