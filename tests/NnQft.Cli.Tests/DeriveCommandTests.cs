// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Text.Json.Nodes;
using NnQft.Model;
using NnQft.Symbolic;

namespace NnQft.Cli.Tests;

/// <summary>End-to-end checks of <c>nnqft derive</c>: the built tool is run as a process.</summary>
public sealed class DeriveCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "nnqft.dll"));
        start.ArgumentList.Add("derive");
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Config(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"nnqft-derive-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Test]
    public void DefaultPrintsTheTwoPointFunctionWithGramFactors()
    {
        var (code, stdout, _) = Run();
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Does.StartWith("G2(x1, x2) = "));
        Assert.That(stdout, Does.Contain("G_{1,1}(x1, x2)"), "features = 256 is finite: Gram factors appear");
    }

    [Test]
    public void InfiniteWidthsGiveTheAttentionMomentFormInSympySyntax()
    {
        var config = Config("""{ "features": "inf", "keyWidth": "inf", "sigmaB": 0.5 }""");
        var (code, stdout, _) = Run("--config", config, "--format", "sympy");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout.Trim(), Is.EqualTo("sigma_b**2 + T*sigma_V**2*sigma_a**2*k1(x1, x2)*M2(1, x1, x2)"));
    }

    [Test]
    public void ConnectedFourPointTextShowsBothParts()
    {
        var config = Config("""{ "features": "inf", "keyWidth": "inf" }""");
        var (code, stdout, _) = Run("--config", config, "--order", "4", "--connected");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Does.StartWith("G4c(x1, x2, x3, x4) = "));
        Assert.That(stdout, Does.Contain("independence breaking (d_v^0): "));
        Assert.That(stdout, Does.Contain("M4(1, 2, x1, x2, x3, x4)"));
    }

    [Test]
    public void JsonFormatIsTheExpressionTree()
    {
        var (code, stdout, _) = Run("--format", "json", "--order", "4", "--connected");
        Assert.That(code, Is.EqualTo(0));
        var tree = JsonNode.Parse(stdout)!;
        // The collected form: the common factor sigma_a^4 ... T / N_h times a sum.
        Assert.That((string?)tree["op"], Is.EqualTo("mul"));
        Assert.That(tree["args"]!.AsArray().Select(a => (string?)a!["op"]), Does.Contain("add"));
        var collected = Collection.Collect(Derive.Correlator(Architecture.Default, 4, connected: true).Value);
        Assert.That(JsonNode.DeepEquals(tree, JsonNode.Parse(JsonPrinter.Print(collected))), Is.True);
    }

    [TestCase("--order", "3", "--order")]
    [TestCase("--format", "xml", "--format")]
    public void RejectsBadOptionsWithExitCodeTwo(string option, string value, string named)
    {
        var (code, stdout, stderr) = Run(option, value);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.Contain(named));
    }
}
