// SPDX-License-Identifier: MIT
using System.Globalization;

namespace NnQft.Model;

/// <summary>Reads the points file of docs/cli.md section 1: CSV, no header, one point per line, d numbers per line.</summary>
/// <example><code>var pts = PointsCsv.Load("points.csv", arch);</code></example>
public static class PointsCsv
{
    /// <summary>Loads points and checks them against the architecture's dimension.</summary>
    /// <example><code>PointSet pts = PointsCsv.Load("points.csv", Architecture.Default);</code></example>
    public static PointSet Load(string path, Architecture architecture)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidInputException("--points", "must name a readable CSV file", $"{path}: {e.Message}");
        }
        return Parse(text, architecture);
    }

    /// <summary>Parses CSV text; blank lines and lines starting with # are skipped.</summary>
    /// <example><code>PointSet pts = PointsCsv.Parse("# x, y\n0, 0\n0.5, 0\n", Architecture.Default); int n = pts.Count; // 2</code></example>
    public static PointSet Parse(string text, Architecture architecture)
    {
        var rows = new List<IReadOnlyList<double>>();
        var lines = text.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split(',');
            if (cells.Length != architecture.Dimension)
                throw new InvalidInputException($"--points line {n + 1}", $"must have dimension = {architecture.Dimension} comma-separated numbers", $"{cells.Length}: \"{line}\"");
            var row = new double[cells.Length];
            for (int c = 0; c < cells.Length; c++)
            {
                if (!double.TryParse(cells[c].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out row[c]) || !double.IsFinite(row[c]))
                    throw new InvalidInputException($"--points line {n + 1}", "coordinates must be finite numbers", $"\"{cells[c].Trim()}\"");
            }
            rows.Add(row);
        }
        if (rows.Count == 0) throw new InvalidInputException("--points", "must hold at least one point");
        return PointSet.Of(rows, "--points").ValidatedFor(architecture, "--points");
    }
}
