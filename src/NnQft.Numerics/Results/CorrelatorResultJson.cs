// SPDX-License-Identifier: MIT
using System.Text;
using System.Text.Json;
using NnQft.Model;

namespace NnQft.Numerics.Results;

/// <summary>
/// Writes and reads the result JSON of docs/cli.md section 2. Monte Carlo outputs may carry an extra key
/// <c>state</c> (the exact accumulator, compressed) so that shard outputs can be merged; readers that do not know
/// it ignore it.
/// </summary>
/// <example><code>var result = MonteCarloSampler.Sample(new SampleOptions(arch, points) { Networks = 100 }).Result;
/// string json = CorrelatorResultJson.Write(result); var (back, _) = CorrelatorResultJson.Read(json);</code></example>
public static class CorrelatorResultJson
{
    /// <summary>The result as indented JSON, with the optional opaque <paramref name="state"/> string.</summary>
    /// <example><code>string json = CorrelatorResultJson.Write(MonteCarloSampler.Sample(new SampleOptions(Architecture.Default, PointSet.Default) { Networks = 256 }).Result);</code></example>
    public static string Write(CorrelatorResult result, string? state = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("method", result.Method);
            w.WriteNumber("samples", result.Samples);
            w.WriteNumber("seconds", Finite(result.Seconds));
            w.WritePropertyName("points");
            Matrix(w, result.Points);
            w.WriteStartObject("g2");
            w.WritePropertyName("value");
            Matrix(w, result.G2.Value);
            w.WritePropertyName("stderr");
            Matrix(w, result.G2.Stderr);
            w.WriteEndObject();
            w.WriteStartArray("g4");
            foreach (var e in result.G4)
            {
                w.WriteStartObject();
                Moments(w, e.Index, e.Value, e.Stderr, e.Connected, e.ConnectedStderr);
                if (e.IndependenceBreaking is double ib) w.WriteNumber("independenceBreaking", Finite(ib));
                if (e.FiniteWidth is double fw) w.WriteNumber("finiteWidth", Finite(fw));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            // The selection's kind; a listed selection's tuples are the g4 indices themselves.
            if (result.G4Selection is { } selection) w.WriteString("g4Selection", selection.Kind switch
            {
                SelectionKind.All => "all",
                SelectionKind.None => "none",
                _ => "listed",
            });
            if (result.G6 is { } g6) SixPoint(w, g6);
            if (state is not null) w.WriteString("state", state);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// Parses result JSON with its <c>state</c> string (empty when absent). Malformed text is an
    /// <see cref="InvalidInputException"/> naming <paramref name="source"/>.
    /// </summary>
    /// <example><code>CorrelatorResult r = CorrelatorResultJson.Read(File.ReadAllText("g.json"), source: "g.json").Result;</code></example>
    public static CorrelatorResultFile Read(string json, string source = "result")
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var r = doc.RootElement;
            var g2 = r.GetProperty("g2");
            var g4 = new List<G4Entry>();
            foreach (var e in r.GetProperty("g4").EnumerateArray())
            {
                g4.Add(new G4Entry(
                    e.GetProperty("index").EnumerateArray().Select(x => x.GetInt32()).ToArray(),
                    e.GetProperty("value").GetDouble(),
                    e.GetProperty("stderr").GetDouble(),
                    e.GetProperty("connected").GetDouble(),
                    e.GetProperty("connectedStderr").GetDouble(),
                    e.TryGetProperty("independenceBreaking", out var ib) ? ib.GetDouble() : null,
                    e.TryGetProperty("finiteWidth", out var fw) ? fw.GetDouble() : null));
            }
            var result = new CorrelatorResult(
                r.GetProperty("method").GetString() ?? "",
                r.GetProperty("samples").GetInt64(),
                r.GetProperty("seconds").GetDouble(),
                ReadMatrix(r.GetProperty("points")),
                new G2Table(ReadMatrix(g2.GetProperty("value")), ReadMatrix(g2.GetProperty("stderr"))),
                g4);
            int pointCount = result.Points.Count;
            if (r.TryGetProperty("g4Selection", out var kind))
                result = result with
                {
                    G4Selection = kind.GetString() switch
                    {
                        "all" => TupleSelection.All(4),
                        "none" => TupleSelection.None(4),
                        "listed" => TupleSelection.Of(g4.Select(e => e.Index), 4, pointCount, $"{source} g4"),
                        var other => throw new FormatException($"g4Selection must be all, none or listed, not {other}"),
                    },
                };
            if (r.TryGetProperty("g6", out var g6)) result = result with { G6 = ReadSixPoint(g6) };
            string state = (r.TryGetProperty("state", out var s) ? s.GetString() : null) ?? "";
            return new CorrelatorResultFile(result, state);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidInputException(source, "must be a result JSON written by sample, merge or theory", e.Message);
        }
    }

    /// <summary>The keys a g4 and a g6 entry share: index, value, stderr, connected, connectedStderr.</summary>
    private static void Moments(Utf8JsonWriter w, IReadOnlyList<int> index, double value, double stderr, double connected, double connectedStderr)
    {
        w.WriteStartArray("index");
        foreach (int i in index) w.WriteNumberValue(i);
        w.WriteEndArray();
        w.WriteNumber("value", Finite(value));
        w.WriteNumber("stderr", Finite(stderr));
        w.WriteNumber("connected", Finite(connected));
        w.WriteNumber("connectedStderr", Finite(connectedStderr));
    }

    private static void SixPoint(Utf8JsonWriter w, IReadOnlyList<G6Entry> entries)
    {
        w.WriteStartArray("g6");
        foreach (var e in entries)
        {
            w.WriteStartObject();
            Moments(w, e.Index, e.Value, e.Stderr, e.Connected, e.ConnectedStderr);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static IReadOnlyList<G6Entry> ReadSixPoint(JsonElement g6) =>
        g6.EnumerateArray().Select(e => new G6Entry(
            e.GetProperty("index").EnumerateArray().Select(x => x.GetInt32()).ToArray(),
            e.GetProperty("value").GetDouble(),
            e.GetProperty("stderr").GetDouble(),
            e.GetProperty("connected").GetDouble(),
            e.GetProperty("connectedStderr").GetDouble())).ToArray();

    private static double Finite(double v) =>
        double.IsFinite(v) ? v : throw new ArgumentException($"a result holds a non-finite number ({v})");

    private static void Matrix(Utf8JsonWriter w, IReadOnlyList<IReadOnlyList<double>> rows)
    {
        // One row per line: readable for P x P matrices without a line per number.
        w.WriteStartArray();
        foreach (var row in rows)
        {
            foreach (double v in row) Finite(v);
            w.WriteRawValue(JsonSerializer.Serialize(row));
        }
        w.WriteEndArray();
    }

    private static IReadOnlyList<IReadOnlyList<double>> ReadMatrix(JsonElement e) =>
        e.EnumerateArray().Select(row => (IReadOnlyList<double>)row.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
}
