// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NnQft.Hybrid.Action;

/// <summary>The JSON and the plain-text rendering of an <see cref="ActionReport"/> (docs/cli.md section 5, <c>action</c>).</summary>
/// <example><code>string json = ActionJson.Write(PointActionAnalysis.FromTheory(Architecture.Default, PointSet.Of([[0.0, 0.0], [0.5, 0.0]]), new ActionOptions(TheorySamples: 2_000)));</code></example>
public static class ActionJson
{
    /// <summary>The report as indented JSON with exactly the keys of docs/cli.md section 5.</summary>
    /// <example><code>var report = PointActionAnalysis.FromTheory(Architecture.Default, PointSet.Of([[0.0, 0.0], [0.5, 0.0]]), new ActionOptions(TheorySamples: 2_000)); File.WriteAllText("action.json", ActionJson.Write(report));</code></example>
    public static string Write(ActionReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WritePropertyName("points");
            Rows(w, report.Action.Points);
            w.WriteString("source", report.Source);
            w.WritePropertyName("quadratic");
            Rows(w, report.Action.Quadratic);
            w.WriteStartArray("vertex");
            foreach (var v in report.Action.Vertex)
            {
                w.WriteStartObject();
                Index(w, v.Index);
                w.WriteNumber("value", Finite(v.Value));
                w.WriteNumber("stderr", Finite(v.Stderr));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            var c = report.Coupling;
            w.WriteStartObject("coupling");
            if (c.Cutoff is double l) w.WriteNumber("cutoff", l);
            else w.WriteNull("cutoff");
            w.WriteStartArray("perTuple");
            foreach (var t in c.PerTuple)
            {
                w.WriteStartObject();
                Index(w, t.Index);
                w.WriteNumber("lambda", Finite(t.Lambda));
                w.WriteNumber("stderr", Finite(t.Stderr));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("mean", Finite(c.Mean));
            w.WriteNumber("spread", Finite(c.Spread));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A short human-readable summary: the quadratic part, the diagonal vertex and the coupling statistics.</summary>
    /// <example><code>Console.Write(ActionJson.Text(PointActionAnalysis.FromTheory(Architecture.Default, PointSet.Of([[0.0, 0.0], [0.5, 0.0]]), new ActionOptions(TheorySamples: 2_000))));</code></example>
    public static string Text(ActionReport report)
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var a = report.Action;
        int p = a.Points.Count;
        s.AppendLine(inv, $"action on {p} points (source: {report.Source})");
        s.AppendLine("quadratic part K - V2/2:");
        foreach (var row in a.Quadratic) s.AppendLine("  " + string.Join("  ", row.Select(v => v.ToString("E4", inv).PadLeft(11))));
        s.AppendLine("quartic vertex V4 on the diagonal (a = b = c = d):");
        foreach (var v in a.Vertex.Where(v => v.Index.Distinct().Count() == 1))
            s.AppendLine(inv, $"  V4({string.Join(",", v.Index)}) = {v.Value:G6} +- {v.Stderr:G3}");
        var largest = a.Vertex.Where(v => v.Index.Distinct().Count() > 1).OrderByDescending(v => Math.Abs(v.Value)).FirstOrDefault();
        if (largest is not null) s.AppendLine(inv, $"  largest off-diagonal: V4({string.Join(",", largest.Index)}) = {largest.Value:G6} +- {largest.Stderr:G3}");
        var c = report.Coupling;
        string region = c.Cutoff is double l ? $"the box [-{l.ToString(inv)}, {l.ToString(inv)}]^d" : "R^d";
        s.AppendLine(inv, $"coupling per configuration over {region}: mean lambda = {c.Mean:G6}, spread (std over {c.PerTuple.Count} tuples) = {c.Spread:G4}");
        if (!c.Converged) s.AppendLine("  note: some tree-level integrals did not reach the quadrature tolerance within the node budget");
        return s.ToString();
    }

    private static void Index(Utf8JsonWriter w, IReadOnlyList<int> index)
    {
        w.WriteStartArray("index");
        foreach (int i in index) w.WriteNumberValue(i);
        w.WriteEndArray();
    }

    private static void Rows(Utf8JsonWriter w, IReadOnlyList<IReadOnlyList<double>> rows)
    {
        w.WriteStartArray();
        foreach (var row in rows) w.WriteRawValue(JsonSerializer.Serialize(row.Select(Finite).ToArray()));
        w.WriteEndArray();
    }

    private static double Finite(double v) =>
        double.IsFinite(v) ? v : throw new InvalidOperationException($"the action holds a non-finite number ({v})");
}
