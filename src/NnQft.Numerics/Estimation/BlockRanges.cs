// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Estimation;

/// <summary>A set of block indices kept as sorted, disjoint half-open ranges [Start, End).</summary>
internal sealed class BlockRanges
{
    private readonly List<(long Start, long End)> ranges = [];

    public IReadOnlyList<(long Start, long End)> Ranges => ranges;

    public long Count => ranges.Sum(r => r.End - r.Start);

    public bool Contains(long block)
    {
        foreach (var (s, e) in ranges)
            if (block >= s && block < e) return true;
        return false;
    }

    /// <summary>Adds [start, end); returns false (and changes nothing) if any block is already present.</summary>
    public bool TryAdd(long start, long end)
    {
        if (end <= start) return true;
        int i = 0;
        while (i < ranges.Count && ranges[i].End < start) i++;
        // ranges[i] is the first range that ends at or after start: it must not overlap [start, end).
        if (i < ranges.Count && ranges[i].Start < end && ranges[i].End > start) return false;
        if (i < ranges.Count && ranges[i].End == start)
        {
            long newEnd = end;
            if (i + 1 < ranges.Count && ranges[i + 1].Start < end) return false;
            if (i + 1 < ranges.Count && ranges[i + 1].Start == end)
            {
                newEnd = ranges[i + 1].End;
                ranges.RemoveAt(i + 1);
            }
            ranges[i] = (ranges[i].Start, newEnd);
            return true;
        }
        if (i < ranges.Count && ranges[i].Start == end)
        {
            ranges[i] = (start, ranges[i].End);
            return true;
        }
        ranges.Insert(i, (start, end));
        return true;
    }
}
