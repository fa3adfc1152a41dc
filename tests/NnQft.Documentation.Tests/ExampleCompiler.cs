// SPDX-License-Identifier: MIT
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NnQft.Documentation.Tests;

/// <summary>An example ready to run, or the reason it is not.</summary>
/// An example that only declares types has no method and nothing to run.
public sealed record CompiledExample(DocExample Example, int Checks, MethodInfo? Method, IReadOnlyList<string> Errors, bool Declares = false);

/// <summary>
/// Compiles every example as one method of one assembly, against the libraries, with Roslyn. Each example sees the
/// libraries' namespaces and two givens, <c>arch</c> (the default architecture) and <c>points</c> (the default points),
/// which a declaration of its own shadows.
/// </summary>
public static class ExampleCompiler
{
    private const string ClassName = "DocumentationExamples";

    /// <summary>Compiles <paramref name="examples"/>; an example with a compile error, or a misused convention, has no method.</summary>
    public static IReadOnlyList<CompiledExample> Compile(IReadOnlyList<DocExample> examples, IEnumerable<Assembly> libraries)
    {
        var usings = libraries.SelectMany(a => a.GetExportedTypes()).Select(t => t.Namespace).OfType<string>()
            .Concat(["System", "System.Collections.Generic", "System.Collections.Immutable", "System.IO", "System.Linq", "System.Text", "System.Threading", "System.Threading.Tasks"])
            .Distinct().Order(StringComparer.Ordinal).Select(ns => $"global using {ns};").ToList();
        var instrumented = examples.Select(e => ExampleInstrumenter.Instrument(e.Code)).ToList();
        var all = Enumerable.Range(0, examples.Count).ToList();
        var (compilation, spans) = Build(usings, instrumented, all.Where(i => instrumented[i].Errors.Count == 0).ToList());
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var errorsOf = all.Select(i => errors
            .Where(d => spans.TryGetValue(i, out var span) && d.Location.SourceSpan.Start >= span.Start && d.Location.SourceSpan.Start < span.End)
            .Select(d => d.GetMessage()).Concat(instrumented[i].Errors).ToList()).ToList();

        // Examples with errors are left out of a second compilation, so the others still run.
        var good = all.Where(i => errorsOf[i].Count == 0).ToList();
        Type? type = null;
        if (good.Count > 0)
        {
            using var image = new MemoryStream();
            var emitted = Build(usings, instrumented, good).Compilation.Emit(image);
            if (!emitted.Success)
                throw new InvalidOperationException("examples that compiled alone fail together: "
                    + string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
            type = Assembly.Load(image.ToArray()).GetType(ClassName);
        }
        return examples.Select((e, i) => new CompiledExample(e, instrumented[i].Checks,
            errorsOf[i].Count == 0 && !instrumented[i].Declares ? type!.GetMethod($"Example{i}") : null, errorsOf[i], instrumented[i].Declares)).ToList();
    }

    // One class holding the examples in `include`, each as method Example{i}, and a namespace per example that declares
    // types; the spans locate each example's source.
    private static (CSharpCompilation Compilation, Dictionary<int, (int Start, int End)> Spans) Build(
        IReadOnlyList<string> usings, IReadOnlyList<InstrumentedExample> examples, IReadOnlyList<int> include)
    {
        var source = new StringBuilder();
        foreach (var u in usings) source.AppendLine(u);
        source.AppendLine($"public static class {ClassName}").AppendLine("{");
        source.AppendLine("    private static readonly NnQft.Model.Architecture arch = NnQft.Model.Architecture.Default;");
        source.AppendLine("    private static readonly NnQft.Model.PointSet points = NnQft.Model.PointSet.Default;");
        var spans = new Dictionary<int, (int Start, int End)>();
        foreach (var i in include.Where(i => !examples[i].Declares))
        {
            var start = source.Length;
            source.Append($"    public static void Example{i}()").AppendLine().AppendLine(examples[i].Code);
            spans[i] = (start, source.Length);
        }
        source.AppendLine("}");
        foreach (var i in include.Where(i => examples[i].Declares))
        {
            var start = source.Length;
            source.AppendLine($"namespace DocumentationExampleTypes{i}").AppendLine("{").AppendLine(examples[i].Code).AppendLine("}");
            spans[i] = (start, source.Length);
        }
        var tree = CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("NnQft.DocumentationExamples", [tree], References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return (compilation, spans);
    }

    // The running test host's trusted platform assemblies: the framework and every package and project this test references.
    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(ExampleChecks).Assembly.Location)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .Select(p => MetadataReference.CreateFromFile(p));
}
