// SPDX-License-Identifier: MIT
namespace NnQft.Cli.Tests;

/// <summary>Rules checked once, in the libraries, reach the user under the flag they typed.</summary>
public class FlagMappingTests
{
    [TestCase(new[] { "theory", "--samples", "1" }, "--samples", "Samples")]
    [TestCase(new[] { "sample", "--nets", "0" }, "--nets", "Networks")]
    [TestCase(new[] { "sample", "--threads", "0" }, "--threads", "Threads")]
    [TestCase(new[] { "attention", "--method", "mc", "--samples", "1" }, "--samples", "samples")]
    [TestCase(new[] { "attention", "--order", "5" }, "--order", "order")]
    public void LibraryParameterIsReportedAsItsFlag(string[] args, string flag, string libraryName)
    {
        var (exit, output, error) = CliProcess.Run(args);
        Assert.That(exit, Is.EqualTo(2), output + error);
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.StartWith("nnqft: " + flag + ":"));
        Assert.That(error, Does.Not.Contain(" " + libraryName + ":"), "the library's own name must not reach the user");
    }
}
