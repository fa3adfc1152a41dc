// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Reflection;
using NnQft.Model;
using NnQft.Numerics.MonteCarlo;

namespace NnQft.Documentation.Tests;

/// <summary>How one example fared: null <paramref name="Failure"/> when it compiled, ran and every stated value held.</summary>
public sealed record ExampleOutcome(DocExample Example, bool Compiled, bool Ran, int Checks, string? Failure, TimeSpan Elapsed)
{
    /// <summary>The example in a failure listing: where it is documented, why it failed, its code.</summary>
    public override string ToString() => $"{Example.Member}: {Failure}{Environment.NewLine}    {Example.Code.Trim()}";
}

/// <summary>
/// Runs compiled examples one after another in a scratch folder holding the files examples read (<c>arch.json</c>,
/// <c>points.csv</c>, a small result <c>g.json</c>), so what they write stays out of the repository.
/// </summary>
public static class ExampleRunner
{
    /// <summary>Runs every compiled example and reports each one.</summary>
    public static IReadOnlyList<ExampleOutcome> Run(IReadOnlyList<CompiledExample> compiled)
    {
        var scratch = Directory.CreateTempSubdirectory("nnqft-examples-");
        var previous = Directory.GetCurrentDirectory();
        var (stdout, stderr) = (Console.Out, Console.Error);
        try
        {
            WriteFixtures(scratch.FullName);
            Directory.SetCurrentDirectory(scratch.FullName);
            Console.SetOut(TextWriter.Null);
            Console.SetError(TextWriter.Null);
            return compiled.Select(RunOne).ToList();
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            Directory.SetCurrentDirectory(previous);
            scratch.Delete(recursive: true);
        }
    }

    private static ExampleOutcome RunOne(CompiledExample c)
    {
        if (c.Errors.Count > 0) return new ExampleOutcome(c.Example, false, false, c.Checks, "does not compile: " + string.Join(" | ", c.Errors), TimeSpan.Zero);
        if (c.Method is null) return new ExampleOutcome(c.Example, true, false, c.Checks, null, TimeSpan.Zero); // declarations: nothing to run
        var clock = Stopwatch.StartNew();
        try
        {
            c.Method.Invoke(null, null);
            return new ExampleOutcome(c.Example, true, true, c.Checks, null, clock.Elapsed);
        }
        catch (TargetInvocationException e)
        {
            var inner = e.InnerException!;
            var why = inner is ExampleCheckFailed ? inner.Message : $"throws {inner.GetType().Name}: {inner.Message}";
            return new ExampleOutcome(c.Example, true, true, c.Checks, why, clock.Elapsed);
        }
    }

    private static void WriteFixtures(string folder)
    {
        File.WriteAllText(Path.Combine(folder, "arch.json"), ArchitectureJson.ToJson(Architecture.Default));
        File.WriteAllLines(Path.Combine(folder, "points.csv"),
            PointSet.Default.ToLists().Select(p => string.Join(",", p.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        var small = MonteCarloSampler.Sample(new SampleOptions(Architecture.Default, PointSet.Default) { Networks = 256 });
        File.WriteAllText(Path.Combine(folder, "g.json"), small.ToJson());
    }
}
