// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NnQft.Cli.Tests.Packaging;

/// <summary>
/// The README quickstarts as a new user tries them: each block is pasted, unchanged, as the Program.cs / Program.fs of
/// a new console project that references the freshly packed package (not the repository's projects), which is then
/// built and run. The printed numbers must agree within 5 standard errors.
/// </summary>
public sealed partial class QuickstartProjectTests
{
    [Test]
    public void CSharpQuickstartCompilesAndRunsAsANewConsoleProjectOnThePackedPackage()
    {
        string output = BuildAndRun("quickstart-csharp", "csproj", "Program.cs", ReadmeBlock("csharp", "## Quickstart (C#)"), "NnQft.Hybrid", "");
        AssertAgreement(output);
    }

    [Test]
    public void FSharpQuickstartCompilesAndRunsAsANewConsoleProjectOnThePackedPackage()
    {
        string output = BuildAndRun("quickstart-fsharp", "fsproj", "Program.fs", ReadmeBlock("fsharp", "## Quickstart (F#)"), "NnQft.FSharp",
            "<ItemGroup><Compile Include=\"Program.fs\" /></ItemGroup>");
        AssertAgreement(output);
    }

    [Test]
    public void AgreementCheckCatchesADisagreement()
    {
        // The check below must be able to fail: numbers 10 standard errors apart are caught.
        Assert.Throws<AssertionException>(() => AssertAgreement("G4c = x\nG2(x1, x2): theory 0.3000, Monte Carlo 0.2000 +- 0.0100"));
    }

    private static string BuildAndRun(string name, string extension, string program, string code, string package, string items)
    {
        string directory = Path.Combine(PackedFeed.Work, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, program), code + "\n");
        File.WriteAllText(Path.Combine(directory, $"{name}.{extension}"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              {items}
              <ItemGroup>
                <PackageReference Include="{package}" Version="{PackedFeed.Version}" />
              </ItemGroup>
            </Project>
            """);
        // The packed folder is added to the machine's sources (which serve the packages' own dependencies).
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="packed" value="{PackedFeed.Feed}" />
              </packageSources>
            </configuration>
            """);
        var clock = Stopwatch.StartNew();
        string stdout = PackedFeed.Run(directory, "dotnet", "run", "-nodeReuse:false");
        TestContext.Progress.WriteLine($"QuickstartProjectTests: {name} build and run {clock.Elapsed.TotalSeconds:F1} s");
        return stdout;
    }

    /// <summary>The fenced block of a language under a README heading, exactly as a reader copies it.</summary>
    private static string ReadmeBlock(string language, string heading)
    {
        string readme = File.ReadAllText(Path.Combine(PackedFeed.RepositoryRoot(), "README.md")).Replace("\r\n", "\n");
        string section = readme[readme.IndexOf(heading, StringComparison.Ordinal)..];
        int start = section.IndexOf("```" + language + "\n", StringComparison.Ordinal) + language.Length + 4;
        return section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static void AssertAgreement(string output)
    {
        Assert.That(output, Does.Contain("G4c = "));
        var line = G2Line().Match(output);
        Assert.That(line.Success, Is.True, output);
        double Number(int group) => double.Parse(line.Groups[group].Value, CultureInfo.InvariantCulture);
        double z = (Number(2) - Number(1)) / Number(3);
        Assert.That(Math.Abs(z), Is.LessThan(5.0), $"z = {z}: {line.Value}");
    }

    [GeneratedRegex(@"G2\(x1, x2\): theory ([0-9.]+), Monte Carlo ([0-9.]+) \+- ([0-9.]+)")]
    private static partial Regex G2Line();
}
