// SPDX-License-Identifier: MIT
using System.Text.Json;

namespace NnQft.Cli.Tests;

/// <summary><c>nnqft kernel</c>: defaults, formats, JSON schema and bad input.</summary>
public class KernelCommandTests
{
    [Test]
    public void WorksWithNoOptions()
    {
        var (exit, output, _) = CliProcess.Run("kernel");
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.Contain("gaussian kernel in d = 2"));
        Assert.That(output, Does.Contain("0.6065306597126334"), "exp(-1/2) at r = 1");
    }

    [Test]
    public void JsonHasTheDocumentedKeysAndValues()
    {
        var (exit, output, _) = CliProcess.Run("kernel", "--family", "cauchy", "--lengthScale", "0.5", "--dimension", "3", "--r", "0,1", "--format", "json");
        Assert.That(exit, Is.EqualTo(0));
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("family").GetString(), Is.EqualTo("cauchy"));
        Assert.That(root.GetProperty("closedForm").GetString(), Does.Contain("exp"));
        Assert.That(root.GetProperty("latex").GetString(), Is.EqualTo(@"\exp\left(-\frac{r}{l}\right)"));
        Assert.That(root.GetProperty("r").EnumerateArray().Select(e => e.GetDouble()), Is.EqualTo(new[] { 0.0, 1.0 }));
        var values = root.GetProperty("value").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.That(values[0], Is.EqualTo(1.0));
        Assert.That(values[1], Is.EqualTo(Math.Exp(-2)).Within(1e-15));
    }

    [Test]
    public void LatexFormatPrintsTheClosedFormAndATable()
    {
        var (exit, output, _) = CliProcess.Run("kernel", "--family", "matern", "--nu", "3", "--format", "latex");
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.StartWith("k(r) = "));
        Assert.That(output, Does.Contain(@"K_{\frac{\nu}{2}}"));
        Assert.That(output, Does.Contain(@"\begin{tabular}"));
    }

    [Test]
    public void FreeScalarPrintsItsRadialIntegral()
    {
        var (exit, output, _) = CliProcess.Run("kernel", "--family", "freeScalar", "--cutoff", "10", "--mass", "1", "--dimension", "1", "--r", "0");
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.Contain("int_(|p|<L)"));
        Assert.That(output, Does.Contain((Math.Atan(10) / Math.PI).ToString("R", System.Globalization.CultureInfo.InvariantCulture)[..10]));
    }

    [TestCase("--family", "square", "--family")]
    [TestCase("--family", "matern", "--nu")]
    [TestCase("--dimension", "0", "--dimension")]
    [TestCase("--lengthScale", "-1", "--lengthScale")]
    [TestCase("--r", "0,x", "--r")]
    [TestCase("--format", "html", "--format")]
    public void BadInputExitsWithCodeTwoNamingTheOption(string option, string value, string named)
    {
        var (exit, output, error) = CliProcess.Run("kernel", option, value);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.Contain(named));
    }

    [Test]
    public void BallAndFreeScalarRequireACutoff()
    {
        foreach (var family in new[] { "ball", "freeScalar" })
        {
            var (exit, _, error) = CliProcess.Run("kernel", "--family", family);
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--cutoff"));
        }
        var (code, _, err) = CliProcess.Run("kernel", "--family", "freeScalar", "--cutoff", "5", "--mass", "0", "--dimension", "2");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(err, Does.Contain("--mass"));
    }
}
