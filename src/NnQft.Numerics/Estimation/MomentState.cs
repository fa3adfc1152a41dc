// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Estimation;

/// <summary>
/// The exact, mergeable state of a Monte Carlo run: how many networks, which blocks of network indices, and the
/// exact sums of every product in <see cref="MomentLayout"/>. Merging adds exact sums, so the order in which blocks
/// or shards arrive cannot change a bit of the result.
/// </summary>
internal sealed class MomentState
{
    public MomentState(MomentLayout layout, SixPointLayout? sixPoint = null)
    {
        Layout = layout;
        Sums = new ExactSum[Layout.Length];
        SixPoint = sixPoint;
        SixPointSums = new ExactSum[sixPoint?.Length ?? 0];
    }

    /// <summary>A state accumulating every G4 tuple (tests and small runs).</summary>
    public MomentState(int pointCount, bool conditional = false)
        : this(new MomentLayout(pointCount, Model.TupleSelection.All(4), conditional))
    {
    }

    public MomentLayout Layout { get; }

    public long Networks { get; private set; }

    public BlockRanges Blocks { get; } = new();

    public ExactSum[] Sums { get; }

    /// <summary>The six-point accumulators of a <c>--g6</c> run, or null.</summary>
    public SixPointLayout? SixPoint { get; }

    /// <summary>The exact sums of <see cref="SixPoint"/> (empty without one).</summary>
    public ExactSum[] SixPointSums { get; }

    /// <summary>Wall seconds spent (metadata only: never part of the estimates).</summary>
    public double Seconds { get; set; }

    /// <summary>Adds one block's double sums (summed in network order by the caller).</summary>
    public void AddBlock(long block, ReadOnlySpan<double> blockSums, long networks, ReadOnlySpan<double> sixPointSums = default)
    {
        if (!Blocks.TryAdd(block, block + 1)) throw new InvalidOperationException($"block {block} was added twice");
        for (int i = 0; i < Sums.Length; i++) Sums[i].Add(blockSums[i]);
        for (int i = 0; i < SixPointSums.Length; i++) SixPointSums[i].Add(sixPointSums[i]);
        Networks += networks;
    }

    /// <summary>Adds another state over disjoint blocks of the same layout; otherwise says why not and changes nothing.</summary>
    public MergeOutcome TryMerge(MomentState other)
    {
        if (other.Layout.Conditional != Layout.Conditional || other.Layout.PointCount != Layout.PointCount
            || !other.Layout.Selection.Equals(Layout.Selection)
            || !Equals(other.SixPoint?.Selection, SixPoint?.Selection)) return MergeOutcome.DifferentLayout;
        foreach (var (s, e) in other.Blocks.Ranges)
            foreach (var (s2, e2) in Blocks.Ranges)
                if (s < e2 && s2 < e) return MergeOutcome.Overlap;
        foreach (var (s, e) in other.Blocks.Ranges) Blocks.TryAdd(s, e);
        for (int i = 0; i < Sums.Length; i++) Sums[i].Add(other.Sums[i]);
        for (int i = 0; i < SixPointSums.Length; i++) SixPointSums[i].Add(other.SixPointSums[i]);
        Networks += other.Networks;
        Seconds += other.Seconds;
        return MergeOutcome.Merged;
    }

    /// <summary>Restores raw fields (deserialisation).</summary>
    public void Restore(long networks, double seconds)
    {
        Networks = networks;
        Seconds = seconds;
    }

    /// <summary>The mean of every product.</summary>
    public double[] Means()
    {
        var means = new double[Sums.Length];
        if (Networks == 0) return means;
        for (int i = 0; i < means.Length; i++) means[i] = Sums[i].ToDouble() / Networks;
        return means;
    }
}

/// <summary>What <see cref="MomentState.TryMerge"/> did.</summary>
internal enum MergeOutcome
{
    /// <summary>The sums were added.</summary>
    Merged,

    /// <summary>The other state holds different products (point count or conditional sums differ).</summary>
    DifferentLayout,

    /// <summary>A block of networks is in both states.</summary>
    Overlap,
}
