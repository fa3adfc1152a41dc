// SPDX-License-Identifier: MIT
using System.Globalization;

namespace NnQft.Model;

/// <summary>
/// Which n-point index tuples a run estimates (docs/cli.md section 5: <c>--g4 all|none|FILE</c>, and <c>--g6 FILE</c>
/// with <see cref="Arity"/> 6). <see cref="All"/> stands for every sorted tuple i &lt;= j &lt;= ... over the points
/// without listing them (so a selection can exist before the point count is known); <see cref="None"/> for no tuple;
/// a listed selection holds explicit tuples, each sorted ascending, the list sorted lexicographically without
/// repeats. Selections are values: two with the same tuples are equal.
/// </summary>
/// <example><code>
/// TupleSelection all = TupleSelection.All(4);
/// TupleSelection few = TupleSelection.ParseCsv("0,1,2,3\n3,2,1,0\n0,0,1,1\n", arity: 4, pointCount: 8); // 2 tuples: 0011, 0123
/// IReadOnlyList&lt;IReadOnlyList&lt;int&gt;&gt; tuples = all.Tuples(pointCount: 2); // 0000, 0001, 0011, 0111, 1111
/// </code></example>
public sealed class TupleSelection : IEquatable<TupleSelection>
{
    private readonly int[][]? listed;

    private TupleSelection(int arity, SelectionKind kind, int[][]? listed)
    {
        Arity = arity;
        Kind = kind;
        this.listed = listed;
    }

    /// <summary>How many indices each tuple has (4 for G4, 6 for G6).</summary>
    public int Arity { get; }

    /// <summary>Every tuple, none, or an explicit list.</summary>
    public SelectionKind Kind { get; }

    /// <summary>True for <see cref="SelectionKind.None"/>.</summary>
    public bool IsNone => Kind == SelectionKind.None;

    /// <summary>True for <see cref="SelectionKind.All"/>.</summary>
    public bool IsAll => Kind == SelectionKind.All;

    /// <summary>Every sorted tuple of <paramref name="arity"/> indices.</summary>
    /// <example><code>TupleSelection g4 = TupleSelection.All(4);</code></example>
    public static TupleSelection All(int arity) => new(CheckedArity(arity), SelectionKind.All, null);

    /// <summary>No tuple (for G4: estimate G2 only).</summary>
    /// <example><code>TupleSelection g2Only = TupleSelection.None(4);</code></example>
    public static TupleSelection None(int arity) => new(CheckedArity(arity), SelectionKind.None, null);

    /// <summary>
    /// The listed tuples (any order inside a tuple, repeats allowed; they are sorted and deduplicated). Indices must
    /// lie in 0..<paramref name="pointCount"/>-1; an empty list is <see cref="None"/>. Errors name <paramref name="field"/>.
    /// </summary>
    /// <example><code>var s = TupleSelection.Of([[0, 1, 2, 3], [1, 1, 0, 0]], arity: 4, pointCount: 4); // 0011, 0123</code></example>
    public static TupleSelection Of(IEnumerable<IReadOnlyList<int>> tuples, int arity, int pointCount, string field = "--g4")
    {
        CheckedArity(arity);
        var sorted = new List<int[]>();
        int n = 0;
        foreach (var tuple in tuples)
        {
            n++;
            if (tuple.Count != arity)
                throw new InvalidInputException($"{field} tuple {n}", $"must hold {arity} point indices", Show(tuple.Count));
            var t = tuple.ToArray();
            foreach (int i in t)
                if (i < 0 || i >= pointCount)
                    throw new InvalidInputException($"{field} tuple {n}", $"indices must lie in 0..{pointCount - 1} (zero-based, {pointCount} points)", Show(i));
            Array.Sort(t);
            sorted.Add(t);
        }
        return FromSorted(arity, sorted);
    }

    /// <summary>
    /// Parses the tuple file format: CSV, no header, <paramref name="arity"/> zero-based point indices per line; blank
    /// lines and lines starting with # are skipped. Errors name the line and the allowed range.
    /// </summary>
    /// <example><code>var s = TupleSelection.ParseCsv("# i,j,k,l\n0,1,2,3\n", arity: 4, pointCount: 8, field: "--g4");</code></example>
    public static TupleSelection ParseCsv(string text, int arity, int pointCount, string field = "--g4")
    {
        CheckedArity(arity);
        var tuples = new List<int[]>();
        var lines = text.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            string where = $"{field} line {n + 1}";
            var cells = line.Split(',');
            if (cells.Length != arity)
                throw new InvalidInputException(where, $"must hold {arity} comma-separated point indices", $"{cells.Length}: \"{line}\"");
            var tuple = new int[arity];
            for (int c = 0; c < arity; c++)
            {
                string cell = cells[c].Trim();
                if (!int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out tuple[c]) || tuple[c] >= pointCount)
                    throw new InvalidInputException(where, $"indices must be integers in 0..{pointCount - 1} (zero-based, {pointCount} points)", $"\"{cell}\"");
            }
            Array.Sort(tuple);
            tuples.Add(tuple);
        }
        if (tuples.Count == 0) throw new InvalidInputException(field, $"must list at least one tuple of {arity} indices (use none for no tuple)");
        return FromSorted(arity, tuples);
    }

    /// <summary>
    /// The CLI form: <c>all</c>, <c>none</c>, or the path of a tuple file (<see cref="ParseCsv"/>); an unreadable
    /// file is an <see cref="InvalidInputException"/> naming <paramref name="field"/>.
    /// </summary>
    /// <example><code>TupleSelection s = TupleSelection.Parse("none", arity: 4, pointCount: 1024); // G2 only</code></example>
    public static TupleSelection Parse(string text, int arity, int pointCount, string field = "--g4")
    {
        if (text == "all") return All(arity);
        if (text == "none") return None(arity);
        string content;
        try
        {
            content = File.ReadAllText(text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidInputException(field, "must be all, none or a readable CSV file of point-index tuples", $"{text}: {e.Message}");
        }
        return ParseCsv(content, arity, pointCount, field);
    }

    /// <summary>
    /// The selected tuples over <paramref name="pointCount"/> points, sorted lexicographically (each ascending).
    /// A listed selection with an index outside the points is an <see cref="InvalidInputException"/> naming <paramref name="field"/>.
    /// </summary>
    /// <example><code>int n = TupleSelection.All(4).Tuples(8).Count; // 330 = C(11, 4)</code></example>
    public IReadOnlyList<IReadOnlyList<int>> Tuples(int pointCount, string field = "--g4")
    {
        if (Kind == SelectionKind.None) return [];
        if (Kind == SelectionKind.Listed)
        {
            foreach (var t in listed!)
                if (t[^1] >= pointCount)
                    throw new InvalidInputException(field, $"indices must lie in 0..{pointCount - 1} (zero-based, {pointCount} points)", Show(t[^1]));
            return listed!;
        }
        var all = new List<IReadOnlyList<int>>();
        var current = new int[Arity];
        void Fill(int position, int from)
        {
            if (position == Arity)
            {
                all.Add((int[])current.Clone());
                return;
            }
            for (int i = from; i < pointCount; i++)
            {
                current[position] = i;
                Fill(position + 1, i);
            }
        }
        Fill(0, 0);
        return all;
    }

    /// <summary>
    /// How many tuples the selection holds over <paramref name="pointCount"/> points (C(P + n - 1, n) for
    /// <see cref="All"/>, computed without listing them; saturates at <see cref="long.MaxValue"/>).
    /// </summary>
    /// <example><code>long n = TupleSelection.All(4).Count(1024); // C(1027, 4): far too many to accumulate</code></example>
    public long Count(int pointCount)
    {
        if (Kind == SelectionKind.None) return 0;
        if (Kind == SelectionKind.Listed) return listed!.Length;
        // C(P + n - 1, n), built up as a product of exact binomials.
        double c = 1;
        for (int i = 1; i <= Arity; i++) c = c * (pointCount + i - 1) / i;
        return c >= long.MaxValue ? long.MaxValue : (long)Math.Round(c);
    }

    /// <summary>
    /// A stable text form: <c>all</c>, <c>none</c>, or the tuples as <c>i,j,k,l;...</c>. Run identities and result files
    /// record it; <see cref="FromCanonical"/> reads it back.
    /// </summary>
    /// <example><code>string s = TupleSelection.Of([[3, 2, 1, 0]], 4, 4).Canonical(); // "0,1,2,3"</code></example>
    public string Canonical() => Kind switch
    {
        SelectionKind.All => "all",
        SelectionKind.None => "none",
        _ => string.Join(";", listed!.Select(t => string.Join(",", t.Select(i => i.ToString(CultureInfo.InvariantCulture))))),
    };

    /// <summary>Reads <see cref="Canonical"/> text back (errors name <paramref name="field"/>).</summary>
    /// <example><code>TupleSelection s = TupleSelection.FromCanonical("0,1,2,3;0,0,1,1", arity: 4, pointCount: 4);</code></example>
    public static TupleSelection FromCanonical(string text, int arity, int pointCount, string field = "g4Selection")
    {
        if (text == "all") return All(arity);
        if (text == "none") return None(arity);
        return ParseCsv(text.Replace(';', '\n'), arity, pointCount, field);
    }

    /// <summary>True when every tuple of <paramref name="other"/> is in this selection (over <paramref name="pointCount"/> points).</summary>
    /// <example><code>bool ok = TupleSelection.All(4).Contains(TupleSelection.None(4), 8); // true</code></example>
    public bool Contains(TupleSelection other, int pointCount)
    {
        if (other.Arity != Arity) return false;
        if (IsAll || other.IsNone) return true;
        if (IsNone) return false;
        if (other.IsAll) return Count(pointCount) == other.Count(pointCount);
        var mine = new HashSet<string>(listed!.Select(t => string.Join(",", t)));
        return other.listed!.All(t => mine.Contains(string.Join(",", t)));
    }

    /// <inheritdoc/>
    public bool Equals(TupleSelection? other) =>
        other is not null && other.Arity == Arity && other.Canonical() == Canonical();

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TupleSelection);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Arity, Canonical());

    /// <inheritdoc/>
    public override string ToString() => Canonical();

    private static TupleSelection FromSorted(int arity, List<int[]> tuples)
    {
        tuples.Sort(CompareTuples);
        var unique = new List<int[]>(tuples.Count);
        foreach (var t in tuples)
            if (unique.Count == 0 || CompareTuples(unique[^1], t) != 0) unique.Add(t);
        return unique.Count == 0 ? None(arity) : new TupleSelection(arity, SelectionKind.Listed, [.. unique]);
    }

    private static int CompareTuples(int[] a, int[] b)
    {
        for (int i = 0; i < a.Length; i++)
            if (a[i] != b[i]) return a[i].CompareTo(b[i]);
        return 0;
    }

    private static int CheckedArity(int arity) =>
        arity is >= 2 and <= 8 ? arity : throw new ArgumentOutOfRangeException(nameof(arity), arity, "a tuple holds 2..8 indices");

    private static string Show(int v) => v.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The three forms of a <see cref="TupleSelection"/>.</summary>
/// <example><code>bool g2Only = TupleSelection.None(4).Kind == SelectionKind.None; // true</code></example>
public enum SelectionKind
{
    /// <summary>Every sorted tuple over the points.</summary>
    All,

    /// <summary>No tuple.</summary>
    None,

    /// <summary>An explicit, sorted list.</summary>
    Listed,
}
