// SPDX-License-Identifier: MIT
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NnQft.Documentation.Tests;

/// <summary>An example ready to run, or the reason it is not.</summary>
public sealed record CompiledExample(DocExample Example, int Checks, MethodInfo? Method, IReadOnlyList<string> Errors);

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
        var namespaces = libraries.SelectMany(a => a.GetExportedTypes()).Select(t => t.Namespace).OfType<string>()
            .Concat(["System", "System.Collections.Generic", "System.Collections.Immutable", "System.IO", "System.Linq"])
            .Distinct().Order(StringComparer.Ordinal);
        var source = new StringBuilder();
        foreach (var ns in namespaces) source.Append("global using ").Append(ns).AppendLine(";");
        source.AppendLine($"public static class {ClassName}").AppendLine("{");
        source.AppendLine("    private static readonly NnQft.Model.Architecture arch = NnQft.Model.Architecture.Default;");
        source.AppendLine("    private static readonly NnQft.Model.PointSet points = NnQft.Model.PointSet.Default;");
        var spans = new List<(int Start, int End)>();
        var instrumented = examples.Select(e => ExampleInstrumenter.Instrument(e.Code)).ToList();
        for (int i = 0; i < examples.Count; i++)
        {
            var start = source.Length;
            source.Append($"    public static void Example{i}()").AppendLine().AppendLine(instrumented[i].Body);
            spans.Add((start, source.Length));
        }
        source.AppendLine("}");

        var tree = CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("NnQft.DocumentationExamples", [tree], References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var errorsOf = examples.Select((_, i) => errors
            .Where(d => d.Location.SourceSpan.Start >= spans[i].Start && d.Location.SourceSpan.Start < spans[i].End)
            .Select(d => d.GetMessage()).Concat(instrumented[i].Errors).ToList()).ToList();

        // Examples with errors are left out of a second compilation, so the others still run.
        Assembly? assembly = null;
        var good = Enumerable.Range(0, examples.Count).Where(i => errorsOf[i].Count == 0).ToHashSet();
        if (good.Count > 0)
        {
            var root = tree.GetRoot();
            var kept = root.RemoveNodes(root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
                .Where(m => !good.Contains(int.Parse(m.Identifier.Text["Example".Length..]))), SyntaxRemoveOptions.KeepNoTrivia)!;
            using var image = new MemoryStream();
            var emitted = compilation.ReplaceSyntaxTree(tree, tree.WithRootAndOptions(kept, tree.Options)).Emit(image);
            if (!emitted.Success)
                throw new InvalidOperationException("examples that compiled alone fail together: "
                    + string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
            assembly = Assembly.Load(image.ToArray());
        }
        var type = assembly?.GetType(ClassName);
        return examples.Select((e, i) => new CompiledExample(e, instrumented[i].Checks,
            good.Contains(i) ? type!.GetMethod($"Example{i}") : null, errorsOf[i])).ToList();
    }

    // The running test host's trusted platform assemblies: the framework and every package and project this test references.
    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(ExampleChecks).Assembly.Location)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .Select(p => MetadataReference.CreateFromFile(p));
}
