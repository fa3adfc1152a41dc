// SPDX-License-Identifier: MIT
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;

namespace NnQft.Cli.Tests;

/// <summary>
/// FsCheck generators of the inputs of every command: architecture JSON (random fields of right and wrong types,
/// huge and non-finite numbers), points CSV, tuple files, and damaged copies of real files (truncated, bit-flipped,
/// numbers replaced, non-UTF-8 bytes, empty). Valid values stay small (few tokens, narrow widths), so a case that is
/// accepted runs in milliseconds; what is large is out of range and must be refused.
/// </summary>
internal static partial class FuzzInputs
{
    /// <summary>JSON literals that break numbers: huge, tiny, overflowing, non-finite spellings, wrong types.</summary>
    public static readonly string[] NastyLiterals =
    [
        "0", "-1", "1e308", "-1e308", "1e-320", "1e400", "-1e400", "NaN", "\"NaN\"", "Infinity", "\"inf\"", "\"-inf\"",
        "\"x\"", "null", "true", "[]", "{}", "[1, 2]", "99999999999999999999", "2.5", "-0", "1e-400", "\"\"", "0x10",
    ];

    private static readonly (string Key, string[] Good)[] Fields =
    [
        ("dimension", ["1", "2", "3"]), ("tokens", ["1", "2", "3"]), ("heads", ["1", "2"]),
        ("features", ["4", "16", "\"inf\""]), ("keyWidth", ["2", "8", "\"inf\""]), ("valueWidth", ["1", "8", "\"inf\""]),
        ("sigmaQ", ["0", "0.5", "1", "3"]), ("sigmaK", ["0", "1", "2"]), ("sigmaV", ["0", "1", "1e10"]),
        ("sigmaA", ["1", "0.1", "1e-10"]), ("sigmaB", ["0", "1", "1e30"]),
    ];

    private static readonly string[] Families = ["gaussian", "matern", "cauchy", "ball", "freeScalar", "constant", "lorentz", ""];

    private static readonly string[] DensityKeys = ["lengthScale", "nu", "cutoff", "mass"];

    private static readonly string[] GoodScales = ["0.3", "1", "2.5", "1e-100", "1e100", "1e-6", "1e6"];

    /// <summary>A value for a field: mostly a good one, often a nasty literal.</summary>
    private static Gen<string> Value(string[] good) =>
        Gen.Frequency((14, Gen.Elements(good)), (1, Gen.Elements(NastyLiterals)));

    private static string[] KeysOf(string family) => family switch
    {
        "\"gaussian\"" or "\"cauchy\"" => ["lengthScale"],
        "\"matern\"" => ["nu", "lengthScale"],
        "\"ball\"" => ["cutoff"],
        "\"freeScalar\"" => ["cutoff", "mass"],
        _ => [],
    };

    private static Gen<string> Density() =>
        from family in Gen.Frequency((12, Gen.Elements(Families[..5]).Select(f => $"\"{f}\"")), (1, Gen.Elements(Families[5..]).Select(f => $"\"{f}\"")), (1, Gen.Elements(NastyLiterals)))
        from keys in Gen.Frequency((4, Gen.Constant<IList<string>>(KeysOf(family))), (1, Gen.SubListOf(DensityKeys).Select(l => (IList<string>)l)))
        from values in Gen.ArrayOf(Value(GoodScales), keys.Count)
        select "{ \"family\": " + family + string.Concat(keys.Select((k, i) => $", \"{k}\": {values[i]}")) + " }";

    private static Gen<string> Override() =>
        from index in Gen.Frequency((4, Gen.Elements("0", "1", "2")), (1, Gen.Elements(NastyLiterals)))
        from density in Density()
        select density.Replace("{ \"family\"", $"{{ \"index\": {index}, \"family\"", StringComparison.Ordinal);

    /// <summary>An architecture file built field by field (some fields missing, some repeated, an unknown one).</summary>
    public static Gen<string> Architecture() =>
        from chosen in Gen.SubListOf(Fields)
        from values in Gen.CollectToArray(chosen.Select(f => Value(f.Good)))
        from query in Gen.Frequency((2, Gen.Constant("")), (2, Density().Select(d => $"\"query\": {d}")), (1, Gen.Elements(NastyLiterals).Select(l => $"\"query\": {l}")))
        from token in Gen.Frequency((2, Gen.Constant("")), (3, Density().Select(d => $"\"token\": {d}")))
        from overrides in Gen.Frequency((3, Gen.Constant("")), (1, Gen.ListOf(Override(), 2).Select(o => $"\"tokenOverrides\": [{string.Join(", ", o)}]")), (1, Gen.Elements(NastyLiterals).Select(l => $"\"tokenOverrides\": {l}")))
        from extra in Gen.Frequency((5, Gen.Constant("")), (1, Gen.Elements("\"bogus\": 1", "\"Tokens\": 2", "\"tokens\": 2")))
        let members = chosen.Select((f, i) => $"\"{f.Key}\": {values[i]}").Concat(new[] { query, token, overrides, extra }.Where(m => m.Length > 0))
        select "{ " + string.Join(", ", members) + " }";

    /// <summary>One coordinate cell of a points file.</summary>
    private static Gen<string> Cell() => Gen.Frequency(
        (6, Gen.Choose(-3000, 3000).Select(v => (v / 1000.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.Elements("1e308", "-1e308", "1e-320", "1e150", "nan", "NaN", "inf", "-Infinity", "", " ", "1e400", "abc", "0x1p3", "1_0", "\u0661", "+1", ".5", "5.", "1e", "--1")));

    /// <summary>A points file: rows of d cells, sometimes the wrong count, comments, blank lines, CRLF.</summary>
    public static Gen<string> Points(int dimension) =>
        from rows in Gen.Choose(0, 4)
        from lines in Gen.ListOf(
            from width in Gen.Frequency((8, Gen.Constant(dimension)), (1, Gen.Choose(0, dimension + 2)))
            from cells in Gen.ArrayOf(Cell(), width)
            from kind in Gen.Frequency((10, Gen.Constant("row")), (1, Gen.Constant("comment")), (1, Gen.Constant("blank")))
            select kind switch { "comment" => "# x, y", "blank" => "", _ => string.Join(",", cells) }, rows)
        from newline in Gen.Elements("\n", "\r\n")
        select string.Join(newline, lines) + newline;

    /// <summary>A tuple file (--g4 FILE): 4 indices per line, some out of range, negative, unsorted or not numbers.</summary>
    public static Gen<string> Tuples(int points) =>
        from count in Gen.Choose(0, 4)
        from lines in Gen.ListOf(
            from cells in Gen.ArrayOf(Gen.Frequency((8, Gen.Choose(0, points - 1).Select(i => i.ToString())), (1, Gen.Elements("-1", points.ToString(), "x", "", "1e9", "2.5"))), 4)
            from width in Gen.Frequency((8, Gen.Constant(4)), (1, Gen.Choose(0, 6)))
            select string.Join(",", cells.Take(width)), count)
        select string.Join("\n", lines) + "\n";

    /// <summary>A damage done to a file's bytes (the generator draws the kind and where).</summary>
    public sealed record Damage(string Kind, int Where, int Bits, string Literal)
    {
        public override string ToString() => $"{Kind} at {Where} ({Bits}, {Literal})";
    }

    public static Gen<Damage> Damages() =>
        from kind in Gen.Elements("truncate", "flip", "flip-state", "number", "non-utf8", "empty", "type-of-state", "duplicate", "state-chars", "drop-key")
        from position in Gen.Choose(0, int.MaxValue - 1)
        from bits in Gen.Choose(0, 255)
        from literal in Gen.Elements(NastyLiterals)
        select new Damage(kind, position, bits, literal);

    /// <summary>Applies <paramref name="damage"/> to the text of a JSON file (a result or a checkpoint).</summary>
    public static byte[] Apply(Damage damage, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        int at = bytes.Length == 0 ? 0 : damage.Where % bytes.Length;
        switch (damage.Kind)
        {
            case "truncate":
                return bytes[..at];
            case "flip":
                bytes[at] ^= (byte)(1 << (damage.Bits % 8));
                return bytes;
            case "flip-state":
            {
                var state = StateValue().Match(text);
                if (!state.Success) goto case "flip";
                int inState = Encoding.UTF8.GetByteCount(text[..state.Groups[1].Index]) + damage.Where % Math.Max(1, state.Groups[1].Length);
                bytes[inState] ^= (byte)(1 << (damage.Bits % 8));
                return bytes;
            }
            case "number":
            {
                var numbers = Number().Matches(text);
                if (numbers.Count == 0) goto case "flip";
                var m = numbers[damage.Where % numbers.Count];
                return Encoding.UTF8.GetBytes(text[..m.Index] + damage.Literal + text[(m.Index + m.Length)..]);
            }
            case "non-utf8":
                return [.. bytes[..at], 0xFF, 0xC3, 0x28, (byte)damage.Bits, .. bytes[at..]];
            case "empty":
                return [];
            case "type-of-state":
                return Encoding.UTF8.GetBytes(StateValue().Replace(text, $"\"state\": {damage.Literal}", 1));
            case "duplicate":
                return [.. bytes, .. bytes];
            case "state-chars":
            {
                var state = StateValue().Match(text);
                if (!state.Success) goto case "flip";
                string s = state.Groups[1].Value;
                int i = damage.Where % Math.Max(1, s.Length);
                string changed = s[..i] + "!@#$%"[damage.Bits % 5] + s[Math.Min(s.Length, i + 1)..];
                return Encoding.UTF8.GetBytes(text[..state.Groups[1].Index] + changed + text[(state.Groups[1].Index + s.Length)..]);
            }
            case "drop-key":
            {
                var keys = Key().Matches(text);
                if (keys.Count == 0) goto case "flip";
                var k = keys[damage.Where % keys.Count];
                return Encoding.UTF8.GetBytes(text[..k.Index] + "\"renamed" + text[(k.Index + 1)..]);
            }
            default:
                throw new ArgumentException(damage.Kind);
        }
    }

    /// <summary>Deterministic draws from a generator (FsCheck's splittable random with a fixed seed).</summary>
    public static T[] Draw<T>(Gen<T> gen, int count, ulong seed, int size = 30) => gen.Sample(count, new FsCheck.Rnd(seed), size);

    [GeneratedRegex("\"state\"\\s*:\\s*\"([^\"]*)\"")]
    private static partial Regex StateValue();

    [GeneratedRegex("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex("\"[a-zA-Z]+\"\\s*:")]
    private static partial Regex Key();
}
