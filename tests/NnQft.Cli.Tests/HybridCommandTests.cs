// SPDX-License-Identifier: MIT
using NnQft.Numerics.Results;

namespace NnQft.Cli.Tests;

/// <summary>The commands over NnQft.Hybrid, run as a process (the library itself is tested in NnQft.Hybrid.Tests).</summary>
public sealed class HybridCommandTests
{
    [Test]
    public void CommandLineRunsRaoBlackwell()
    {
        var (exit, stdout, stderr) = CliProcess.Run("sample", "--method", "raoBlackwell", "--nets", "256", "--threads", "1");
        Assert.That(exit, Is.EqualTo(0), stderr);
        var result = CorrelatorResultJson.Read(stdout).Result;
        Assert.That(result.Method, Is.EqualTo("raoBlackwell"));
        Assert.That(result.Samples, Is.EqualTo(256));
        Assert.That(result.G4, Has.Count.EqualTo(330));
    }

    [Test]
    public void CliCheckOnAnEmptyDirectoryExitsOneWithAOneLineReason()
    {
        var dir = Directory.CreateTempSubdirectory("nnqft-prove-").FullName;
        try
        {
            var (exit, _, err) = CliProcess.Run("prove", "--check", "--out", dir);
            Assert.That(exit, Is.EqualTo(1), err);
            Assert.That(err.Trim(), Does.Contain("two-point.md is missing").And.Not.Contain("\n"));
            Assert.That(Directory.GetFiles(dir), Is.Empty, "--check must not write");
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
