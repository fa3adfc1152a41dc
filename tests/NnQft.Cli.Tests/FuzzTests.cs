// SPDX-License-Identifier: MIT
using System.Text;
using System.Text.Json;
using FsCheck.Fluent;
using NnQft.Model;
using NnQft.Numerics.MonteCarlo;
using NnQft.Numerics.Results;

namespace NnQft.Cli.Tests;

/// <summary>
/// Fuzzing every command's inputs in-process (generators in <see cref="FuzzInputs"/>, fixed seeds): architecture
/// JSON, points CSV, tuple files, damaged checkpoints and shard results, and option values. Every case must end in
/// exit 0 with finite output, or exit 2 with a one-line reason; never an unhandled exception. An existing --out file
/// is either replaced by a complete result or left as it was; a refused checkpoint is left as it was. A damaged
/// checkpoint or shard that is accepted must give the bits of the undamaged run (its state is checksummed).
/// </summary>
[NonParallelizable]
public class FuzzTests
{
    private const string Sentinel = "an earlier result that must survive a failed run";
    private const long Nets = 512;
    private static readonly string[] SmallArchitecture = ["--nets", Nets.ToString(), "--seed", "9", "--threads", "1"];
    private static int total, accepted, refused;
    private string dir = "";

    [OneTimeSetUp]
    public void SetUp()
    {
        dir = Path.Combine(Path.GetTempPath(), "nnqft-fuzz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(F("arch.json"), "{ \"tokens\": 2, \"features\": 8, \"keyWidth\": 4, \"valueWidth\": 4 }");
        File.WriteAllText(F("points.csv"), "0,0\n0.5,0\n1,1\n");
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        Directory.Delete(dir, recursive: true);
        TestContext.Out.WriteLine($"fuzz: {total} cases tried in all ({accepted} exit 0, {refused} exit 2)");
    }

    private string F(string name) => Path.Combine(dir, name);

    [Test]
    public void ArchitectureFiles()
    {
        var texts = FuzzInputs.Draw(FuzzInputs.Architecture(), 240, 1401);
        var damaged = FuzzInputs.Draw(FuzzInputs.Damages(), 60, 1402)
            .Select(d => FuzzInputs.Apply(d, "{ \"tokens\": 2, \"features\": 8, \"token\": { \"family\": \"matern\", \"nu\": 3, \"lengthScale\": 0.5 } }"));
        var commands = FuzzInputs.Draw(Gen.Choose(0, 5), 300, 1403);
        int i = 0;
        var failures = new List<string>();
        foreach (var bytes in texts.Select(Encoding.UTF8.GetBytes).Concat(damaged))
        {
            File.WriteAllBytes(F("fuzz-arch.json"), bytes);
            string[] args = commands[i++] switch
            {
                0 => ["sample", .. SmallArchitecture, "--method", "exact"],
                1 => ["sample", .. SmallArchitecture, "--method", "bruteforce"],
                2 => ["sample", .. SmallArchitecture, "--method", "raoBlackwell"],
                3 => ["theory", "--samples", "100"],
                4 => ["derive", "--order", "4", "--format", "json"],
                _ => ["derive", "--order", "2", "--connected", "--format", "sympy"],
            };
            Check(failures, [.. args, "--config", F("fuzz-arch.json")], $"architecture {Show(bytes)}");
        }
        Report("architecture files", i, failures);
    }

    [Test]
    public void PointsFiles()
    {
        int i = 0;
        var failures = new List<string>();
        var dimensions = FuzzInputs.Draw(Gen.Choose(1, 3), 250, 1411);
        var methods = FuzzInputs.Draw(Gen.Elements("exact", "raoBlackwell", "theory"), 250, 1412);
        var nonUtf8 = FuzzInputs.Draw(Gen.Choose(0, 9), 250, 1413);
        foreach (int d in dimensions)
        {
            string text = FuzzInputs.Draw(FuzzInputs.Points(d), 1, 1414UL + (ulong)i)[0];
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            if (nonUtf8[i] == 0) bytes = [0xEF, 0xBB, 0xBF, .. bytes]; // a byte order mark
            if (nonUtf8[i] == 1) bytes = [.. bytes, 0xFF, 0xFE, 0x80];
            File.WriteAllBytes(F("fuzz-points.csv"), bytes);
            File.WriteAllText(F("fuzz-dim.json"), $"{{ \"dimension\": {d}, \"tokens\": 2, \"features\": 8, \"keyWidth\": 4, \"valueWidth\": 4 }}");
            string[] args = methods[i] == "theory" ? ["theory", "--samples", "100"] : ["sample", .. SmallArchitecture, "--method", methods[i]];
            Check(failures, [.. args, "--config", F("fuzz-dim.json"), "--points", F("fuzz-points.csv")], $"points {Show(bytes)}");
            i++;
        }
        Report("points files", i, failures);
    }

    [Test]
    public void DamagedCheckpointsResumeToTheSameBitsOrAreRefused()
    {
        string[] run = ["sample", "--config", F("arch.json"), "--points", F("points.csv"), .. SmallArchitecture];
        var reference = Reference(run);
        string partial = PartialCheckpoint();
        int i = 0, accepted = 0;
        var failures = new List<string>();
        foreach (var damage in FuzzInputs.Draw(FuzzInputs.Damages(), 300, 1421))
        {
            byte[] bytes = FuzzInputs.Apply(damage, partial);
            File.WriteAllBytes(F("fuzz.ckpt"), bytes);
            var (exit, _) = Check(failures, [.. run, "--checkpoint", F("fuzz.ckpt")], $"checkpoint {damage}");
            if (exit == 0)
            {
                accepted++;
                if (!ResultBits.Same(Load(F("fuzz-out.json")), reference)) failures.Add($"checkpoint {damage}: accepted, but the result differs from the undamaged run");
            }
            if (exit == 2 && !File.ReadAllBytes(F("fuzz.ckpt")).AsSpan().SequenceEqual(bytes)) failures.Add($"checkpoint {damage}: refused, but the checkpoint was changed");
            i++;
        }
        TestContext.Out.WriteLine($"{accepted} damaged checkpoints were still whole where it matters (the checksummed state) and resumed exactly");
        Report("damaged checkpoints", i, failures);
    }

    [Test]
    public void DamagedShardsMergeToTheSameBitsOrAreRefused()
    {
        string[] run = ["sample", "--config", F("arch.json"), "--points", F("points.csv"), .. SmallArchitecture];
        var reference = Reference(run);
        for (int k = 1; k <= 2; k++)
        {
            var (exit, _, stderr) = InProcessCli.Run([.. run, "--shard", $"{k}/2", "--out", F($"shard{k}.json")]);
            Assert.That(exit, Is.EqualTo(0), stderr);
        }
        string second = File.ReadAllText(F("shard2.json"));
        int i = 0;
        var failures = new List<string>();
        foreach (var damage in FuzzInputs.Draw(FuzzInputs.Damages(), 300, 1431))
        {
            File.WriteAllBytes(F("fuzz-shard.json"), FuzzInputs.Apply(damage, second));
            var (exit, _) = Check(failures, ["merge", F("shard1.json"), F("fuzz-shard.json")], $"shard {damage}");
            if (exit == 0 && !ResultBits.Same(Load(F("fuzz-out.json")), reference)) failures.Add($"shard {damage}: accepted, but the merge differs from the whole run");
            i++;
        }
        Report("damaged shards", i, failures);
    }

    [Test]
    public void OptionValues()
    {
        var number = Gen.Frequency(
            (12, Gen.Elements("1", "2", "0.5", "-0.5", "3", "16", "100")),
            (1, Gen.Elements("0", "1e308", "-1e308", "1e-320", "5e-324", "NaN", "nan", "Infinity", "-Infinity", "1e400", "", "x", "1,2", "0x10", "99999999999999999999", "4097", "-1")));
        var cases = FuzzInputs.Draw(
            from command in Gen.Choose(0, 3)
            from values in Gen.ArrayOf(number, 6)
            from family in Gen.Elements("gaussian", "matern", "cauchy", "ball", "freeScalar", "constant", "x")
            from method in Gen.Elements("quadrature", "series", "mc", "exact", "")
            select (command, values, family, method), 600, 1441);
        int i = 0;
        var failures = new List<string>();
        foreach (var (command, v, family, method) in cases)
        {
            string[] args = command switch
            {
                0 => ["kernel", "--family", family, "--lengthScale", v[0], "--nu", v[1], "--cutoff", v[2], "--mass", v[3], "--dimension", v[4], "--r", $"{v[5]},{v[0]}", "--format", "json"],
                1 => ["attention", "--tokens", v[0], "--sigma2", v[1], "--rho", v[2], "--method", method, "--samples", "2000", "--format", "json"],
                2 => ["attention", "--tokens", v[4], "--sigma2", v[1], "--rho", v[5], "--method", "series", "--order", v[3]],
                _ => ["sample", "--config", F("arch.json"), "--points", F("points.csv"), "--nets", v[0] == "100" ? "130" : v[0], "--seed", v[1], "--threads", v[4] == "100" ? "1" : v[4], "--shard", $"{v[2]}/{v[3]}", "--checkpoint-seconds", v[5]],
            };
            Check(failures, args, "options");
            i++;
        }
        Report("option values", i, failures);
    }

    [Test]
    public void TupleFiles()
    {
        var (_, help, _) = InProcessCli.Run("sample", "--help");
        if (!help.Contains("--g4", StringComparison.Ordinal))
            Assert.Ignore("hook: sample has no --g4 FILE option on this branch yet; once it does, this fuzzes tuple files through sample and theory");
        int i = 0;
        var failures = new List<string>();
        foreach (string text in FuzzInputs.Draw(FuzzInputs.Tuples(3), 60, 1451))
        {
            File.WriteAllText(F("fuzz-tuples.csv"), text);
            string[] args = i % 2 == 0
                ? ["sample", "--config", F("arch.json"), "--points", F("points.csv"), .. SmallArchitecture]
                : ["theory", "--config", F("arch.json"), "--points", F("points.csv"), "--samples", "100"];
            Check(failures, [.. args, "--g4", F("fuzz-tuples.csv")], $"tuples {Show(Encoding.UTF8.GetBytes(text))}");
            i++;
        }
        Report("tuple files", i, failures);
    }

    [Test]
    public void TheChecksCatchBadOutcomes()
    {
        var failures = new List<string>();
        Judge(failures, "crash", 1, "", "Unhandled exception: System.InvalidOperationException", outFile: null);
        Judge(failures, "two lines", 2, "", "nnqft: x: must be\n   at Foo", outFile: null);
        Judge(failures, "nan", 0, "{ \"value\": NaN }", "", outFile: null);
        File.WriteAllText(F("replaced.json"), "{ \"half");
        Judge(failures, "partial out", 2, "", "nnqft: --out: must be", outFile: F("replaced.json"));
        Assert.That(failures, Has.Count.EqualTo(4), string.Join("\n", failures));
    }

    // Runs one case with --out an existing file (for the commands that write results) and judges it.
    private (int Exit, string Err) Check(List<string> failures, string[] args, string what)
    {
        bool writes = args[0] is "sample" or "theory" or "merge";
        string outFile = F("fuzz-out.json");
        if (writes) File.WriteAllText(outFile, Sentinel);
        var (exit, stdout, stderr) = InProcessCli.Run(writes ? [.. args, "--out", outFile] : args);
        Interlocked.Increment(ref total);
        if (exit == 0) accepted++;
        if (exit == 2) refused++;
        Judge(failures, $"{string.Join(" ", args.Select(a => a.StartsWith(dir, StringComparison.Ordinal) ? Path.GetFileName(a) : a))} with {what}", exit, stdout, stderr, writes ? outFile : null);
        var litter = Directory.GetFiles(dir, "*.tmp-*").Concat(Directory.GetFiles(dir, ".nnqft-probe-*")).ToList();
        if (litter.Count > 0)
        {
            failures.Add($"{what}: left {string.Join(", ", litter.Select(Path.GetFileName))}");
            litter.ForEach(File.Delete);
        }
        return (exit, stderr);
    }

    private static void Judge(List<string> failures, string what, int exit, string stdout, string stderr, string? outFile)
    {
        if (exit == 2)
        {
            string line = stderr.Trim();
            if (line.Length == 0 || line.Contains('\n') || !line.StartsWith("nnqft", StringComparison.Ordinal)) failures.Add($"{what}: exit 2 without a one-line reason: {Head(stderr)}");
            if (outFile is not null && File.ReadAllText(outFile) != Sentinel) failures.Add($"{what}: refused, but --out was replaced");
            return;
        }
        if (exit != 0)
        {
            failures.Add($"{what}: exit {exit}: {Head(stderr)}");
            return;
        }
        string output = outFile is null ? stdout : File.ReadAllText(outFile);
        string? problem = output.TrimStart().StartsWith('{') ? NonFinite(output) : output.Contains("NaN", StringComparison.Ordinal) ? "NaN in the output" : null;
        if (problem is not null) failures.Add($"{what}: exit 0 but {problem}: {Head(output)}");
    }

    // Every number of a JSON output is a finite double (System.Text.Json has no NaN literal, so NaN is unreadable).
    private static string? NonFinite(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return Numbers(doc.RootElement).All(double.IsFinite) ? null : "a non-finite number";
        }
        catch (JsonException e)
        {
            return $"unreadable JSON ({e.Message})";
        }
    }

    private static IEnumerable<double> Numbers(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => [e.GetDouble()],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Numbers),
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Numbers(p.Value)),
        _ => [],
    };

    private CorrelatorResult Reference(string[] run)
    {
        var (exit, _, stderr) = InProcessCli.Run([.. run, "--out", F("reference.json")]);
        Assert.That(exit, Is.EqualTo(0), stderr);
        return Load(F("reference.json"));
    }

    // A checkpoint holding the first block of four (the run is cancelled from its progress callback).
    private string PartialCheckpoint()
    {
        string path = F("partial.ckpt");
        using var stop = new CancellationTokenSource();
        var options = new SampleOptions(ArchitectureJson.Load(F("arch.json")), PointsCsv.Load(F("points.csv"), ArchitectureJson.Load(F("arch.json"))))
        {
            Networks = Nets, Seed = 9, Threads = 1, CheckpointPath = path, CheckpointInterval = TimeSpan.FromHours(1), Cancellation = stop.Token,
            Progress = (_, _) => stop.Cancel(),
        };
        Assert.Throws<OperationCanceledException>(() => MonteCarloSampler.Sample(options));
        string text = File.ReadAllText(path);
        Assert.That(CorrelatorResultJson.Read(text).Result.Samples, Is.EqualTo(MonteCarloSampler.BlockSize));
        return text;
    }

    private static CorrelatorResult Load(string path) => CorrelatorResultJson.Read(File.ReadAllText(path)).Result;

    private static void Report(string what, int cases, List<string> failures)
    {
        TestContext.Out.WriteLine($"fuzz {what}: {cases} cases, {failures.Count} failures (so far in all: {accepted} exit 0, {refused} exit 2)");
        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(30)));
    }

    private static string Show(byte[] bytes)
    {
        string s = Encoding.UTF8.GetString(bytes);
        return s.Length <= 160 ? s.ReplaceLineEndings("\\n") : s[..160].ReplaceLineEndings("\\n") + "...";
    }

    private static string Head(string text) => text.Length <= 300 ? text.Trim() : text[..300].Trim() + "...";
}
