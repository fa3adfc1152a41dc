// SPDX-License-Identifier: MIT
using System.Globalization;

namespace NnQft.Model;

/// <summary>
/// The points x_1..x_P at which correlators are evaluated, all of one dimension. Stored flat (row-major) for
/// the samplers' hot loops; <see cref="Point"/> gives one point's coordinates.
/// </summary>
/// <example><code>var pts = PointSet.Of([[0.0, 0.0], [0.5, 0.0]]); double x = pts[1, 0]; // 0.5</code></example>
public sealed class PointSet : IEquatable<PointSet>
{
    private readonly double[] flat;

    private PointSet(int dimension, double[] flat)
    {
        Dimension = dimension;
        this.flat = flat;
    }

    /// <summary>The 8 default points of docs/cli.md section 3 (d = 2).</summary>
    /// <example><code>PointSet pts = PointSet.Default; int n = pts.Count; // 8: in d = 2</code></example>
    public static PointSet Default { get; } = Of(
    [
        [0, 0], [0.5, 0], [0.3, 0.8], [1.2, -0.4], [-0.6, 0.2], [0.1, -0.9], [0.9, 0.9], [-1.0, -0.5],
    ]);

    /// <summary>Number of coordinates per point.</summary>
    public int Dimension { get; }

    /// <summary>Number of points P.</summary>
    public int Count => flat.Length / Dimension;

    /// <summary>Coordinate <paramref name="c"/> of point <paramref name="p"/>.</summary>
    public double this[int p, int c] => flat[p * Dimension + c];

    /// <summary>The coordinates of point <paramref name="p"/>.</summary>
    /// <example><code>ReadOnlySpan&lt;double&gt; x2 = PointSet.Default.Point(1);</code></example>
    public ReadOnlySpan<double> Point(int p) => flat.AsSpan(p * Dimension, Dimension);

    /// <summary>All coordinates, row-major (point after point).</summary>
    public ReadOnlySpan<double> Flat => flat;

    /// <summary>The points as nested lists (for JSON and F#).</summary>
    /// <example><code>IReadOnlyList&lt;IReadOnlyList&lt;double&gt;&gt; rows = PointSet.Of([[0.0, 1.0]]).ToLists(); // [[0, 1]]</code></example>
    public IReadOnlyList<IReadOnlyList<double>> ToLists() =>
        Enumerable.Range(0, Count).Select(p => (IReadOnlyList<double>)Point(p).ToArray()).ToList();

    /// <summary>Euclidean distance between points <paramref name="a"/> and <paramref name="b"/>.</summary>
    /// <example><code>double r = PointSet.Of([[0.0, 0.0], [3.0, 4.0]]).Distance(0, 1); // 5</code></example>
    public double Distance(int a, int b)
    {
        double s = 0;
        for (int c = 0; c < Dimension; c++)
        {
            double diff = this[a, c] - this[b, c];
            s += diff * diff;
        }
        return Math.Sqrt(s);
    }

    /// <summary>A point set from coordinate rows; every row must have the same, positive length and finite entries.</summary>
    /// <example><code>var pts = PointSet.Of([[0.0, 0.0], [0.5, 0.0]]);</code></example>
    public static PointSet Of(IEnumerable<IReadOnlyList<double>> rows, string field = "points")
    {
        var list = rows.ToList();
        if (list.Count == 0) throw new InvalidInputException(field, "must hold at least one point");
        int d = list[0].Count;
        if (d < 1) throw new InvalidInputException(field, "points must have at least one coordinate");
        var flat = new double[list.Count * d];
        for (int p = 0; p < list.Count; p++)
        {
            if (list[p].Count != d)
                throw new InvalidInputException($"{field}[{p}]", $"must have {d} coordinates like the first point", list[p].Count.ToString(CultureInfo.InvariantCulture));
            for (int c = 0; c < d; c++)
            {
                double v = list[p][c];
                if (!double.IsFinite(v)) throw new InvalidInputException($"{field}[{p}]", "coordinates must be finite numbers", v.ToString(CultureInfo.InvariantCulture));
                flat[p * d + c] = v;
            }
        }
        return new PointSet(d, flat);
    }

    /// <summary>Checks that the points live in the architecture's dimension.</summary>
    /// <example><code>var pts = PointSet.Of([[0.0, 0.0, 0.0]]).ValidatedFor(Architecture.Default with { Dimension = 3 });</code></example>
    public PointSet ValidatedFor(Architecture a, string field = "points")
    {
        if (Dimension != a.Dimension)
            throw new InvalidInputException(field, $"each point must have dimension = {a.Dimension} coordinates", Dimension.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Points for the architecture's dimension when none are given: the default 8 points in d = 2,
    /// otherwise the default points' first coordinates padded with zeros (or cut) to dimension d.</summary>
    /// <example><code>PointSet pts = PointSet.DefaultFor(3); // the default points padded to d = 3</code></example>
    public static PointSet DefaultFor(int dimension) =>
        dimension == Default.Dimension
            ? Default
            : Of(Enumerable.Range(0, Default.Count).Select(p =>
                (IReadOnlyList<double>)Enumerable.Range(0, dimension).Select(c => c < Default.Dimension ? Default[p, c] : 0.0).ToArray()));

    /// <inheritdoc />
    public bool Equals(PointSet? other) => other is not null && Dimension == other.Dimension && flat.AsSpan().SequenceEqual(other.flat);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PointSet);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Dimension);
        foreach (var v in flat) h.Add(v);
        return h.ToHashCode();
    }
}
