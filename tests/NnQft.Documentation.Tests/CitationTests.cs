// SPDX-License-Identifier: MIT
using System.Text.RegularExpressions;

namespace NnQft.Documentation.Tests;

/// <summary>
/// The repository stands on its own: no file cites a document outside it, and every citation of
/// <c>docs/theory.md section N</c> or <c>docs/cli.md section N</c> names a section that exists.
/// </summary>
public partial class CitationTests
{
    // Spelled in pieces so that this file does not match itself.
    private static readonly string[] Outside =
        ["THEORY" + ".md", "INTERFACE" + ".md", "STYLE" + ".md", "THEORY" + " section", "INTERFACE" + " section", "../" + "shared", "/work/" + "shared"];

    // The one permitted reference: the benchmark runs the numpy peer, which lives beside the repository.
    private const string NumpyPeer = "../" + "shared" + "/bench/numpy_peer.py";

    private static readonly string[] Extensions = [".cs", ".fs", ".md", ".csproj", ".fsproj", ".props", ".json", ".sh", ".sbatch", ".txt", ".runsettings"];

    [Test]
    public void NoFileCitesADocumentOutsideTheRepository()
    {
        var offending = RepositoryFiles()
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => Outside.Any(o => l.Text.Replace(NumpyPeer, "").Contains(o, StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.That(offending, Is.Empty, () => $"{offending.Count} lines cite documents outside the repository:" + Environment.NewLine + string.Join(Environment.NewLine, offending));
    }

    [TestCase("docs/theory.md")]
    [TestCase("docs/cli.md")]
    public void EveryCitedSectionExists(string document)
    {
        var sections = Headings().Matches(File.ReadAllText(Path.Combine(Root, document))).Select(m => int.Parse(m.Groups[1].Value)).ToHashSet();
        var citation = new Regex(Regex.Escape(document) + @"(?:'s)? sections? (\d+(?:\s*(?:,|and|-)\s*\d+)*)");
        var cited = RepositoryFiles()
            .SelectMany(f => citation.Matches(File.ReadAllText(f)).Select(m => (File: f, Numbers: SectionNumbers(m.Groups[1].Value))))
            .ToList();
        Assert.That(cited, Is.Not.Empty, $"{document} is cited somewhere");
        var missing = cited.SelectMany(c => c.Numbers.Where(n => !sections.Contains(n)).Select(n => $"{Path.GetRelativePath(Root, c.File)}: section {n}")).ToList();
        Assert.That(missing, Is.Empty, () => $"{document} has sections {string.Join(", ", sections.Order())}; cited but missing:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
    }

    [Test]
    public void SectionListsAreReadWhole() =>
        Assert.That(SectionNumbers("3, 4 and 8"), Is.EqualTo(new[] { 3, 4, 8 }).And.EquivalentTo(SectionNumbers("3-4, 8")));

    private static IReadOnlyList<int> SectionNumbers(string list)
    {
        var numbers = new List<int>();
        foreach (var part in Regex.Split(list, @"\s*(?:,|and)\s*").Where(p => p.Length > 0))
        {
            var range = part.Split('-').Select(p => int.Parse(p.Trim())).ToArray();
            for (int n = range[0]; n <= range[^1]; n++) numbers.Add(n);
        }
        return numbers;
    }

    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NnQft.Symbolic.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("no NnQft.Symbolic.sln above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string> RepositoryFiles() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f)))
            .Where(f =>
            {
                var parts = Path.GetRelativePath(Root, f).Split(Path.DirectorySeparatorChar);
                return !parts.Any(p => p is "bin" or "obj" or ".git" or "artifacts" or "validate-out" or "BenchmarkDotNet.Artifacts" or "TestResults");
            });

    [GeneratedRegex(@"^## (\d+)\.", RegexOptions.Multiline)]
    private static partial Regex Headings();
}
