// SPDX-License-Identifier: MIT
using System.Text.Json;

namespace NnQft.Cli.Tests;

/// <summary><c>nnqft attention</c>: defaults, JSON schema, methods and bad input.</summary>
public class AttentionCommandTests
{
    [Test]
    public void WorksWithNoOptionsAndPrintsTheDocumentedJson()
    {
        var (exit, output, _) = CliProcess.Run("attention");
        Assert.That(exit, Is.EqualTo(0));
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("tokens").GetInt32(), Is.EqualTo(4));
        Assert.That(root.GetProperty("sigma2").GetDouble(), Is.EqualTo(1.0));
        Assert.That(root.GetProperty("rho").GetDouble(), Is.EqualTo(0.5));
        Assert.That(root.GetProperty("stderr").GetDouble(), Is.EqualTo(0.0));
        Assert.That(root.GetProperty("method").GetString(), Is.EqualTo("quadrature"));
        // Between the uniform value 1/16 and the first-order series 1/16 (1 + 3/8).
        Assert.That(root.GetProperty("value").GetDouble(), Is.InRange(1.0 / 16, 1.375 / 16));
    }

    [Test]
    public void MonteCarloAgreesWithQuadratureWithinItsStandardError()
    {
        var (_, q, _) = CliProcess.Run("attention", "--tokens", "3", "--sigma2", "2", "--rho", "0.3");
        var (exit, mc, _) = CliProcess.Run("attention", "--tokens", "3", "--sigma2", "2", "--rho", "0.3", "--method", "mc", "--samples", "200000", "--seed", "7");
        Assert.That(exit, Is.EqualTo(0));
        using var a = JsonDocument.Parse(q);
        using var b = JsonDocument.Parse(mc);
        double se = b.RootElement.GetProperty("stderr").GetDouble();
        Assert.That(se, Is.GreaterThan(0));
        double z = (b.RootElement.GetProperty("value").GetDouble() - a.RootElement.GetProperty("value").GetDouble()) / se;
        Assert.That(Math.Abs(z), Is.LessThan(5));
    }

    [Test]
    public void HardMethodGivesTheArcsineLawForTwoTokens()
    {
        var (exit, output, _) = CliProcess.Run("attention", "--tokens", "2", "--rho", "0.5", "--method", "hard", "--format", "text");
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.Contain("0.3333333333333333"));
    }

    [Test]
    public void SeriesErrorShrinksAtTheRateItClaims()
    {
        // Against the quadrature at sigma^2 = 0.04: truncating after sigma^k leaves O(sigma^{k+2}), so each step of
        // two orders shrinks the error by about sigma^2 = 0.04 (allow a factor 5 for the coefficients).
        double Value(params string[] extra)
        {
            var (exit, output, _) = CliProcess.Run(["attention", "--tokens", "2", "--sigma2", "0.04", "--rho", "0.6", .. extra]);
            Assert.That(exit, Is.EqualTo(0));
            using var doc = JsonDocument.Parse(output);
            return doc.RootElement.GetProperty("value").GetDouble();
        }
        double exact = Value();
        double e2 = Math.Abs(Value("--method", "series", "--order", "2") - exact);
        double e4 = Math.Abs(Value("--method", "series", "--order", "4") - exact);
        double e6 = Math.Abs(Value("--method", "series", "--order", "6") - exact);
        Assert.That(e4, Is.LessThan(0.2 * e2), $"errors {e2:E3} {e4:E3} {e6:E3}");
        Assert.That(e6, Is.LessThan(0.2 * e4), $"errors {e2:E3} {e4:E3} {e6:E3}");
        Assert.That(e2, Is.LessThan(0.04 * 0.04), "sigma^4 bound on the first-order remainder");
    }

    [Test]
    public void SeriesRefusesTokenCountsBeyondTheRange()
    {
        // Any T in 1..4096 is fine for the series now (T is a symbol in the derivation); beyond it the usual error.
        var (exit, _, error) = CliProcess.Run("attention", "--method", "series", "--tokens", "4097");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--tokens"));
    }

    [TestCase("--tokens", "0", "--tokens")]
    [TestCase("--tokens", "4097", "--tokens")]
    [TestCase("--sigma2", "-1", "--sigma2")]
    [TestCase("--sigma2", "100.5", "--sigma2")]
    [TestCase("--rho", "1.0001", "--rho")]
    [TestCase("--method", "exact", "--method")]
    [TestCase("--order", "3", "--order")]
    [TestCase("--format", "xml", "--format")]
    public void BadInputExitsWithCodeTwoNamingTheOption(string option, string value, string named)
    {
        var (exit, output, error) = CliProcess.Run("attention", option, value);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.Contain(named));
    }
}
