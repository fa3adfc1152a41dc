// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NnQft.Model;

/// <summary>
/// Reads and writes the architecture file of docs/cli.md section 1 (camelCase keys, every key optional,
/// widths as integers or <c>"inf"</c>). Unknown keys are refused so that a misspelt key cannot be silently ignored.
/// </summary>
/// <example><code>var arch = ArchitectureJson.Load("arch.json"); string text = ArchitectureJson.ToJson(arch);</code></example>
public static class ArchitectureJson
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly string[] TopKeys =
    [
        "dimension", "tokens", "heads", "features", "keyWidth", "valueWidth",
        "sigmaQ", "sigmaK", "sigmaV", "sigmaA", "sigmaB", "query", "token", "tokenOverrides",
    ];

    /// <summary>Loads and validates an architecture file.</summary>
    /// <example><code>Architecture arch = ArchitectureJson.Load("arch.json");</code></example>
    public static Architecture Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidInputException("--config", "must name a readable JSON file", $"{path}: {e.Message}");
        }
        return Parse(text, path);
    }

    /// <summary>Parses and validates architecture JSON; <paramref name="source"/> names it in errors.</summary>
    /// <example><code>var arch = ArchitectureJson.Parse("{ \"tokens\": 2, \"valueWidth\": \"inf\" }");</code></example>
    public static Architecture Parse(string json, string source = "--config")
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(source, "must be a JSON object", $"not JSON: {e.Message}");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new InvalidInputException(source, "must be a JSON object", root.ValueKind.ToString());
            RejectUnknown(root, TopKeys, "");
            var a = Architecture.Default;
            a = a with
            {
                Dimension = Int(root, "dimension", a.Dimension),
                Tokens = Int(root, "tokens", a.Tokens),
                Heads = Int(root, "heads", a.Heads),
                Features = WidthOf(root, "features", a.Features),
                KeyWidth = WidthOf(root, "keyWidth", a.KeyWidth),
                ValueWidth = WidthOf(root, "valueWidth", a.ValueWidth),
                SigmaQ = Number(root, "sigmaQ", "sigmaQ", a.SigmaQ),
                SigmaK = Number(root, "sigmaK", "sigmaK", a.SigmaK),
                SigmaV = Number(root, "sigmaV", "sigmaV", a.SigmaV),
                SigmaA = Number(root, "sigmaA", "sigmaA", a.SigmaA),
                SigmaB = Number(root, "sigmaB", "sigmaB", a.SigmaB),
            };
            if (root.TryGetProperty("query", out var q))
                a = a with { Query = ReadEmbedding(q, "query", allowConstant: true) };
            if (root.TryGetProperty("token", out var t))
                a = a with { Token = (SpectralDensity)ReadEmbedding(t, "token", allowConstant: false) };
            if (root.TryGetProperty("tokenOverrides", out var overrides))
                a = a with { TokenOverrides = ReadOverrides(overrides) };
            return a.Validated();
        }
    }

    /// <summary>The architecture as JSON in the file format (every key written, so the text is canonical).</summary>
    /// <example><code>string json = ArchitectureJson.ToJson(Architecture.Default, indented: false);</code></example>
    public static string ToJson(Architecture a, bool indented = true)
    {
        var o = new JsonObject
        {
            ["dimension"] = a.Dimension,
            ["tokens"] = a.Tokens,
            ["heads"] = a.Heads,
            ["features"] = WidthNode(a.Features),
            ["keyWidth"] = WidthNode(a.KeyWidth),
            ["valueWidth"] = WidthNode(a.ValueWidth),
            ["sigmaQ"] = a.SigmaQ,
            ["sigmaK"] = a.SigmaK,
            ["sigmaV"] = a.SigmaV,
            ["sigmaA"] = a.SigmaA,
            ["sigmaB"] = a.SigmaB,
            ["query"] = EmbeddingNode(a.Query),
            ["token"] = EmbeddingNode(a.Token),
        };
        if (a.TokenOverrides.Count > 0)
        {
            var arr = new JsonArray();
            foreach (var ov in a.TokenOverrides)
            {
                var node = EmbeddingNode(ov.Density);
                node.Insert(0, "index", ov.Index);
                arr.Add(node);
            }
            o["tokenOverrides"] = arr;
        }
        return o.ToJsonString(new JsonSerializerOptions { WriteIndented = indented });
    }

    private static JsonNode WidthNode(Width w) => w.IsInfinite ? JsonValue.Create("inf") : JsonValue.Create(w.Value);

    private static JsonObject EmbeddingNode(Embedding e) => e switch
    {
        ConstantEmbedding => new JsonObject { ["family"] = "constant" },
        GaussianDensity g => new JsonObject { ["family"] = g.Family, ["lengthScale"] = g.LengthScale },
        MaternDensity m => new JsonObject { ["family"] = m.Family, ["nu"] = m.Nu, ["lengthScale"] = m.LengthScale },
        CauchyDensity c => new JsonObject { ["family"] = c.Family, ["lengthScale"] = c.LengthScale },
        BallDensity b => new JsonObject { ["family"] = b.Family, ["cutoff"] = b.Cutoff },
        FreeScalarDensity f => new JsonObject { ["family"] = f.Family, ["cutoff"] = f.Cutoff, ["mass"] = f.Mass },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, "unknown embedding"),
    };

    private static EquatableList<TokenOverride> ReadOverrides(JsonElement arr)
    {
        if (arr.ValueKind != JsonValueKind.Array)
            throw new InvalidInputException("tokenOverrides", "must be an array of { index, family, ... } objects", arr.ValueKind.ToString());
        var list = new List<TokenOverride>();
        int i = 0;
        foreach (var item in arr.EnumerateArray())
        {
            string field = $"tokenOverrides[{i}]";
            if (item.ValueKind != JsonValueKind.Object)
                throw new InvalidInputException(field, "must be an object { index, family, ... }", item.ValueKind.ToString());
            if (!item.TryGetProperty("index", out _))
                throw new InvalidInputException($"{field}.index", "is required (a 0-based token index)");
            int index = Int(item, "index", 0, field + ".");
            var density = (SpectralDensity)ReadEmbedding(item, field, allowConstant: false, extraKey: "index");
            list.Add(new TokenOverride(index, density));
            i++;
        }
        return list.ToEquatableList();
    }

    private static Embedding ReadEmbedding(JsonElement e, string field, bool allowConstant, string? extraKey = null)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw new InvalidInputException(field, "must be an object with a \"family\" key", e.ValueKind.ToString());
        string allowed = allowConstant
            ? "must be gaussian, matern, cauchy, ball, freeScalar or constant"
            : "must be gaussian, matern, cauchy, ball or freeScalar";
        if (!e.TryGetProperty("family", out var fam) || fam.ValueKind != JsonValueKind.String)
            throw new InvalidInputException($"{field}.family", allowed);
        string family = fam.GetString()!;
        string p = field + ".";
        string[] keys = family switch
        {
            "gaussian" or "cauchy" => ["family", "lengthScale"],
            "matern" => ["family", "nu", "lengthScale"],
            "ball" => ["family", "cutoff"],
            "freeScalar" => ["family", "cutoff", "mass"],
            "constant" when allowConstant => ["family"],
            _ => throw new InvalidInputException($"{field}.family", allowed, family),
        };
        RejectUnknown(e, extraKey is null ? keys : [.. keys, extraKey], p);
        return family switch
        {
            "gaussian" => new GaussianDensity(Number(e, "lengthScale", p + "lengthScale", 1.0)),
            "cauchy" => new CauchyDensity(Number(e, "lengthScale", p + "lengthScale", 1.0)),
            "matern" => new MaternDensity(Required(e, "nu", p), Number(e, "lengthScale", p + "lengthScale", 1.0)),
            "ball" => new BallDensity(Required(e, "cutoff", p)),
            "freeScalar" => new FreeScalarDensity(Required(e, "cutoff", p), Number(e, "mass", p + "mass", 1.0)),
            _ => ConstantEmbedding.Instance,
        };
    }

    private static double Required(JsonElement e, string key, string prefix)
    {
        if (!e.TryGetProperty(key, out _))
            throw new InvalidInputException(prefix + key, "is required for this family (a finite number > 0)");
        return Number(e, key, prefix + key, 0);
    }

    private static void RejectUnknown(JsonElement e, IReadOnlyCollection<string> allowed, string prefix)
    {
        foreach (var prop in e.EnumerateObject())
            if (!allowed.Contains(prop.Name))
                throw new InvalidInputException(prefix + prop.Name, $"is not a known key; allowed here: {string.Join(", ", allowed)}");
    }

    private static int Int(JsonElement e, string key, int fallback, string prefix = "")
    {
        if (!e.TryGetProperty(key, out var v)) return fallback;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i)) return i;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue)
            return (int)d;
        throw new InvalidInputException(prefix + key, "must be an integer", v.GetRawText());
    }

    private static Width WidthOf(JsonElement e, string key, Width fallback)
    {
        if (!e.TryGetProperty(key, out var v)) return fallback;
        const string allowed = "must be an integer >= 1 or \"inf\"";
        if (v.ValueKind == JsonValueKind.String)
        {
            string s = v.GetString()!;
            if (s is "inf" or "Infinity" or "infinity") return Width.Infinite;
            throw new InvalidInputException(key, allowed, s);
        }
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n))
        {
            if (n < 1 || n > ArchitectureValidator.MaxWidth)
                throw new InvalidInputException(key, $"must be an integer in 1..{ArchitectureValidator.MaxWidth} or \"inf\"", n.ToString(CultureInfo.InvariantCulture));
            return Width.Of((int)n);
        }
        throw new InvalidInputException(key, allowed, v.GetRawText());
    }

    private static double Number(JsonElement e, string key, string field, double fallback)
    {
        if (!e.TryGetProperty(key, out var v)) return fallback;
        // JSON has no NaN or Infinity literals; strings such as "NaN" land here and are refused.
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double d) && double.IsFinite(d)) return d;
        throw new InvalidInputException(field, "must be a finite number", v.GetRawText());
    }
}
