// SPDX-License-Identifier: MIT
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace NnQft.Tests.Shared;

/// <summary>
/// Reads a library's generated XML documentation (next to its dll) and lists the public API that lacks a summary
/// or an example. Test projects may not reference each other, so this one file is compiled into each library's test
/// project (a linked Compile item in its csproj).
/// </summary>
internal sealed class DocumentationCoverage
{
    // Members the compiler writes for records and operators: documenting them would say nothing new.
    private static readonly HashSet<string> GeneratedNames =
        ["<Clone>$", "Deconstruct", "Equals", "GetHashCode", "ToString", "PrintMembers"];

    private readonly Dictionary<string, XElement> members;

    public DocumentationCoverage(Assembly assembly)
    {
        Assembly = assembly;
        var xmlPath = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(xmlPath)) throw new FileNotFoundException("no XML documentation next to the assembly", xmlPath);
        members = XDocument.Load(xmlPath).Descendants("member")
            .GroupBy(m => (string)m.Attribute("name")!)
            .ToDictionary(g => g.Key, g => g.First());
    }

    public Assembly Assembly { get; }

    public IReadOnlyList<Type> PublicTypes =>
        Assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Public methods and constructors a caller writes by name (no accessors, operators or record plumbing). Parameterless
    /// constructors and delegates' Invoke plumbing are left out: the compiler writes them without documentation, and the type's summary covers them.
    /// </summary>
    public IReadOnlyList<MethodBase> PublicMethods =>
        PublicTypes.Where(t => !t.IsSubclassOf(typeof(Delegate))).SelectMany(t =>
                t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(m => !m.IsSpecialName && !GeneratedNames.Contains(m.Name) && !IsCompilerGenerated(m))
                    .Cast<MethodBase>()
                    .Concat(t.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
                        .Where(c => c.GetParameters().Length > 0 && !IsRecordCopyConstructor(c))))
            .ToList();

    public IReadOnlyList<string> TypesWithoutSummary => PublicTypes.Select(TypeId).Where(id => !Has(id, "summary")).ToList();

    public IReadOnlyList<string> TypesWithoutExample => PublicTypes.Select(TypeId).Where(id => !Has(id, "example")).ToList();

    public IReadOnlyList<string> MethodsWithoutSummary => PublicMethods.Select(MethodId).Where(id => !Has(id, "summary")).ToList();

    public int TypesWithExample => PublicTypes.Count(t => Has(TypeId(t), "example"));

    public int MethodsWithExample => PublicMethods.Count(m => Has(MethodId(m), "example"));

    /// <summary>The names in <paramref name="missing"/>, one a line, for a failure message that lists them all.</summary>
    public static string Listing(string what, IReadOnlyList<string> missing) =>
        $"{missing.Count} public {what}:" + Environment.NewLine + string.Join(Environment.NewLine, missing);

    /// <summary>A one-line tally for the test log, so coverage can be followed over time.</summary>
    public string Tally =>
        $"{Assembly.GetName().Name}: {TypesWithExample}/{PublicTypes.Count} public types and "
        + $"{MethodsWithExample}/{PublicMethods.Count} public methods/constructors carry an <example>";

    // A summary counts when it has text; <inheritdoc/> counts as a summary because it names where the text lives.
    private bool Has(string id, string element) =>
        members.TryGetValue(id, out var member)
        && (member.Elements(element).Any(e => !string.IsNullOrWhiteSpace(e.Value))
            || (element == "summary" && member.Elements("inheritdoc").Any()));

    private static bool IsCompilerGenerated(MethodInfo m) => m.IsDefined(typeof(CompilerGeneratedAttribute));

    private static bool IsRecordCopyConstructor(ConstructorInfo c) =>
        c.GetParameters() is [var p] && p.ParameterType == c.DeclaringType
        && c.DeclaringType!.GetMethod("<Clone>$") is not null;

    public static string TypeId(Type t) => "T:" + DocName(t);

    public static string MethodId(MethodBase m)
    {
        var name = m.IsConstructor ? "#ctor" : m.Name;
        if (m.IsGenericMethod) name += "``" + m.GetGenericArguments().Length;
        var parameters = m.GetParameters();
        var list = parameters.Length == 0 ? "" : "(" + string.Join(",", parameters.Select(p => ParameterName(p.ParameterType))) + ")";
        return "M:" + DocName(m.DeclaringType!) + "." + name + list;
    }

    private static string DocName(Type t) => (t.FullName ?? t.Name).Replace('+', '.');

    // The documentation-id spelling of a parameter type (ECMA-334 annex D).
    private static string ParameterName(Type t)
    {
        if (t.IsGenericParameter) return (t.DeclaringMethod is null ? "`" : "``") + t.GenericParameterPosition;
        if (t.IsByRef) return ParameterName(t.GetElementType()!) + "@";
        if (t.IsPointer) return ParameterName(t.GetElementType()!) + "*";
        if (t.IsArray)
        {
            var rank = t.GetArrayRank();
            var dims = rank == 1 ? "[]" : "[" + string.Join(",", Enumerable.Repeat("0:", rank)) + "]";
            return ParameterName(t.GetElementType()!) + dims;
        }
        if (t.IsGenericType)
        {
            var definition = t.GetGenericTypeDefinition();
            var outer = definition.IsNested ? DocName(definition.DeclaringType!) + "." + definition.Name : definition.Namespace + "." + definition.Name;
            var tick = outer.IndexOf('`');
            if (tick >= 0) outer = outer[..tick];
            return outer + "{" + string.Join(",", t.GetGenericArguments().Select(ParameterName)) + "}";
        }
        return DocName(t);
    }
}

/// <summary>
/// The coverage assertions for one library: every public type has a summary and an example, every public method a
/// summary. Each library's test project runs them through a one-line subclass naming a type of the library. The count
/// is not the check of the examples: NnQft.Documentation.Tests compiles and runs every one of them.
/// </summary>
public abstract class LibraryDocumentationTests(Type typeInLibrary)
{
    private readonly DocumentationCoverage _docs = new(typeInLibrary.Assembly);

    internal DocumentationCoverage Docs => _docs;

    [Test]
    public void EveryPublicTypeHasSummaryAndExample()
    {
        TestContext.Out.WriteLine(_docs.Tally);
        Assert.That(_docs.TypesWithoutSummary, Is.Empty, () => DocumentationCoverage.Listing("types without <summary>", _docs.TypesWithoutSummary));
        Assert.That(_docs.TypesWithoutExample, Is.Empty, () => DocumentationCoverage.Listing("types without <example>", _docs.TypesWithoutExample));
    }

    [Test]
    public void EveryPublicMethodHasSummary() =>
        Assert.That(_docs.MethodsWithoutSummary, Is.Empty, () => DocumentationCoverage.Listing("methods without <summary>", _docs.MethodsWithoutSummary));
}
