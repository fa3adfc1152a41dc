// SPDX-License-Identifier: MIT
using System.Text;
using System.Text.Json;
using NnQft.Model;

namespace NnQft.Numerics.MonteCarlo;

/// <summary>
/// What a run's numbers belong to: architecture, points, G4 selection, seed, method, total networks and block size, as one
/// canonical JSON string. Checkpoints and shard states carry it; resuming or merging refuses a different one.
/// </summary>
internal static class RunIdentity
{
    public static string Of(SampleOptions o)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WritePropertyName("architecture");
            w.WriteRawValue(ArchitectureJson.ToJson(o.Architecture, indented: false));
            w.WriteStartArray("points");
            for (int p = 0; p < o.Points.Count; p++)
            {
                w.WriteStartArray();
                foreach (double x in o.Points.Point(p)) w.WriteNumberValue(x);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteString("g4", o.G4.Canonical());
            // Only a --g6 run names its tuples, so identities (and checkpoints) of other runs are unchanged.
            if (!o.G6.IsNone) w.WriteString("g6", o.G6.Canonical());
            w.WriteNumber("seed", o.Seed);
            w.WriteString("method", Sampling.SamplingMethodNames.Name(o.Method));
            w.WriteNumber("nets", o.Networks);
            w.WriteNumber("blockSize", MonteCarloSampler.BlockSize);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The method name recorded in an identity string.</summary>
    public static string Method(string identity)
    {
        using var doc = JsonDocument.Parse(identity);
        return doc.RootElement.GetProperty("method").GetString() ?? "";
    }

    /// <summary>The G4 selection recorded in an identity string.</summary>
    public static TupleSelection G4(string identity)
    {
        using var doc = JsonDocument.Parse(identity);
        var root = doc.RootElement;
        int points = root.GetProperty("points").GetArrayLength();
        return TupleSelection.FromCanonical(root.GetProperty("g4").GetString() ?? "", 4, points);
    }

    /// <summary>The identity with its G4 selection left out (to tell a different selection from a different run).</summary>
    public static string WithoutG4(string identity)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(identity)!.AsObject();
        node.Remove("g4");
        return node.ToJsonString();
    }

    /// <summary>The points recorded in an identity string.</summary>
    public static PointSet Points(string identity)
    {
        using var doc = JsonDocument.Parse(identity);
        return PointSet.Of(doc.RootElement.GetProperty("points").EnumerateArray()
            .Select(r => (IReadOnlyList<double>)r.EnumerateArray().Select(x => x.GetDouble()).ToArray()));
    }
}
