// SPDX-License-Identifier: MIT
using FsCheck;
using NnQft.Numerics.Estimation;

namespace NnQft.Numerics.Tests;

/// <summary>Properties of the exact accumulation that reproducibility rests on (FsCheck, fixed replay seeds).</summary>
public class ExactAccumulationProperties
{
    [FsCheck.NUnit.Property(MaxTest = 300, Replay = "(20261128,4243)")]
    public bool ExactSumIgnoresOrderAndGrouping(NormalFloat[] raw, int shuffleSeed, PositiveInt split)
    {
        // Magnitudes from 1e-300 to 1e300 mixed: a floating-point sum would depend on the order.
        var values = raw.Select((v, i) => v.Get * Math.Pow(10, (i * 37 % 600) - 300)).Where(double.IsFinite).ToArray();
        var forward = new ExactSum();
        foreach (double v in values) forward.Add(v);
        var shuffled = (double[])values.Clone();
        new System.Random(shuffleSeed).Shuffle(shuffled);
        int cut = values.Length == 0 ? 0 : split.Get % (values.Length + 1);
        ExactSum left = new(), right = new();
        for (int i = 0; i < cut; i++) left.Add(shuffled[i]);
        for (int i = cut; i < shuffled.Length; i++) right.Add(shuffled[i]);
        right.Add(left);
        return forward.Scaled == right.Scaled && forward.ToDouble().Equals(right.ToDouble());
    }

    [FsCheck.NUnit.Property(MaxTest = 300, Replay = "(7,11)")]
    public bool ExactSumRoundsLikeTheTrueSum(NormalFloat a, NormalFloat b)
    {
        // Two addends: the correctly rounded sum is a + b in IEEE arithmetic (up to the final truncation to 64 bits).
        var s = new ExactSum();
        s.Add(a.Get);
        s.Add(b.Get);
        double truth = a.Get + b.Get;
        return Math.Abs(s.ToDouble() - truth) <= Math.Abs(truth) * 1e-15;
    }

    [FsCheck.NUnit.Property(MaxTest = 300, Replay = "(5,7)")]
    public bool ShardsCoverEveryBlockExactlyOnce(PositiveInt blocks, PositiveInt shards)
    {
        long total = blocks.Get % 5000;
        int n = shards.Get % 64 + 1;
        var seen = new BlockRanges();
        for (int k = 1; k <= n; k++)
        {
            long first = total * (k - 1) / n, end = total * k / n;
            if (!seen.TryAdd(first, end)) return false;
        }
        return seen.Count == total && (total == 0 || seen.Ranges.Count == 1);
    }
}
