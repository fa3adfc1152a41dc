// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NnQft.Model;

namespace NnQft.Cli.Tests.Packaging;

/// <summary>
/// Packs the six packable projects once for every test in this namespace (the packages, the tool, the examples, the
/// README quickstarts as new projects): into <c>artifacts/packages</c> of a temporary folder, as
/// <c>dotnet pack NnQft.Symbolic.sln -c Release -o artifacts/packages</c> does in the repository. The folder has its
/// own build output (--artifacts-path), so it never collides with the bin/obj folders of the running test build, and
/// its own NuGet package folder, so a package of the same id and version from an earlier pack is never used.
/// </summary>
[SetUpFixture]
public sealed class PackedFeed
{
    /// <summary>The five library packages (the sixth package is the tool).</summary>
    public static readonly string[] LibraryIds = ["NnQft.Model", "NnQft.Numerics", "NnQft.Symbolic", "NnQft.Hybrid", "NnQft.FSharp"];

    public const string ToolId = "NnQft.Cli";

    /// <summary>The temporary folder: a stand-in for the repository root, with artifacts/packages beside what tests copy in.</summary>
    public static string Work { get; private set; } = "";

    public static string Feed => Path.Combine(Work, "artifacts", "packages");

    /// <summary>The NuGet package folder (NUGET_PACKAGES) of everything that restores from <see cref="Feed"/>.</summary>
    public static string PackageFolder => Path.Combine(Work, "nuget-packages");

    /// <summary>The package version: the one the test build itself was stamped with (Directory.Build.props).</summary>
    public static string Version =>
        typeof(Architecture).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    [OneTimeSetUp]
    public void Pack()
    {
        Work = Path.Combine(Path.GetTempPath(), "nnqft-packaging-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Work);
        string root = RepositoryRoot();

        // A solution filter of the packable projects: one parallel build, and no restore of the test projects.
        // Restore uses the machine's configured feed and package folder, as `dotnet restore` does.
        string filter = Path.Combine(Work, "packable.slnf");
        var projects = LibraryIds.Append(ToolId).Select(id => $"src/{id}/{id}.{(id.EndsWith("FSharp", StringComparison.Ordinal) ? "fsproj" : "csproj")}");
        File.WriteAllText(filter, JsonSerializer.Serialize(new { solution = new { path = Path.Combine(root, "NnQft.Symbolic.sln"), projects } }));

        // Compiling the six projects from nothing in Release is most of the packing time (~40 s on two quiet cores,
        // ~2 min on busy ones), so the Release build output is kept in a per-checkout temporary folder and reused
        // incrementally (MSBuild recompiles what changed; an unchanged tree packs in ~15 s). It is not the bin/obj of
        // any test build; a file lock keeps two test runs from building into it at once. The packages themselves
        // always go to this run's fresh folder. Analyzers are skipped: they cannot change a package, and the ordinary
        // build already runs them with warnings as errors.
        string build = Path.Combine(Path.GetTempPath(), "nnqft-packaging-build-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..12]);
        Directory.CreateDirectory(build);
        var clock = Stopwatch.StartNew();
        using (BuildLock(Path.Combine(build, ".lock")))
            Run(Work, "dotnet", "pack", filter, "-c", "Release", "-o", Feed, "--artifacts-path", build, "-nodeReuse:false", "-p:RunAnalyzers=false");
        TestContext.Progress.WriteLine($"PackedFeed: pack {clock.Elapsed.TotalSeconds:F1} s");
    }

    [OneTimeTearDown]
    public void DeleteTheTemporaryDirectory()
    {
        // The installed tool and the package folder are a few hundred MB (SkiaSharp native libraries for every platform).
        if (Directory.Exists(Work)) Directory.Delete(Work, recursive: true);
    }

    /// <summary>The repository root: the first ancestor of the test directory holding NnQft.Symbolic.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NnQft.Symbolic.sln"))) return dir.FullName;
        throw new InvalidOperationException("NnQft.Symbolic.sln not found above the test directory");
    }

    /// <summary>Runs a program in a folder and asserts exit code 0, with its output in the failure message.</summary>
    public static string Run(string directory, string program, params string[] args)
    {
        var (exit, stdout, stderr) = Execute(directory, program, args, TimeSpan.FromMinutes(10));
        Assert.That(exit, Is.EqualTo(0), $"{program} {string.Join(" ", args)}{Environment.NewLine}{stdout}{stderr}");
        return stdout;
    }

    /// <summary>
    /// Runs a program in a folder as a user's shell would: NuGet restores go to <see cref="PackageFolder"/> unless
    /// <paramref name="ownPackageFolder"/> is false (for `dotnet tool restore`, which keeps tools in the machine's folder).
    /// </summary>
    public static (int Exit, string Out, string Err) Execute(string directory, string program, string[] args, TimeSpan timeout, bool ownPackageFolder = true)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        foreach (var a in args) info.ArgumentList.Add(a);
        // The test host inherits MSBuild settings from the `dotnet test` build that started it; a nested build must
        // start clean rather than as a child of that build.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            info.Environment.Remove(name);
        if (ownPackageFolder) info.Environment["NUGET_PACKAGES"] = PackageFolder;
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(" ", args)} did not finish in {timeout.TotalMinutes} min");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Copies a repository file into <see cref="Work"/> at the same relative path.</summary>
    public static string CopyFromRepository(string relative)
    {
        string target = Path.Combine(Work, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(RepositoryRoot(), relative), target, overwrite: true);
        return target;
    }

    /// <summary>An exclusive lock on a file, held by this process until disposed; waits while another test run holds it.</summary>
    private static FileStream BuildLock(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(TimeSpan.FromSeconds(1));
            }
        }
    }
}
