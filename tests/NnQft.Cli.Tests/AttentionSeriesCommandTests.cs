// SPDX-License-Identifier: MIT
using System.Text.Json;

namespace NnQft.Cli.Tests;

/// <summary><c>nnqft attention --method series</c>: any T, orders up to 10, the documented JSON, the polynomials in text.</summary>
public class AttentionSeriesCommandTests
{
    [Test]
    public void OrderEightAtSixtyFourTokensAgreesWithTheQuadrature()
    {
        string[] common = ["attention", "--tokens", "64", "--sigma2", "0.2", "--rho", "0.5"];
        var (exit, output, error) = CliProcess.Run([.. common, "--method", "series", "--order", "8"]);
        Assert.That(exit, Is.EqualTo(0), error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "tokens", "sigma2", "rho", "value", "stderr", "method" }));
        Assert.That(root.GetProperty("tokens").GetInt32(), Is.EqualTo(64));
        Assert.That(root.GetProperty("stderr").GetDouble(), Is.EqualTo(0.0));
        Assert.That(root.GetProperty("method").GetString(), Is.EqualTo("series"));
        var (_, quadrature, _) = CliProcess.Run(common);
        using var q = JsonDocument.Parse(quadrature);
        double exact = q.RootElement.GetProperty("value").GetDouble();
        // Remainder O(sigma^10) = O(0.2^5) relative to 1/T^2 with small coefficients: 1e-6 relative is generous yet
        // far below the sigma^2 term (rho sigma^2 (T - 1)/T = 0.098 relative), so a wrong series cannot pass.
        Assert.That(root.GetProperty("value").GetDouble(), Is.EqualTo(exact).Within(1e-6 * exact));
    }

    [Test]
    public void TextFormatPrintsThePolynomialForTheGivenTAndForSymbolicT()
    {
        var (exit, output, error) = CliProcess.Run("attention", "--method", "series", "--order", "8", "--tokens", "64", "--format", "text");
        Assert.That(exit, Is.EqualTo(0), error);
        var lines = output.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.That(lines, Has.Length.EqualTo(3), output);
        Assert.That(lines[0], Does.StartWith("F_64(sigma^2 = 1, rho = 0.5) = ").And.EndWith("(series)"));
        // sigma^2 coefficient rho (T-1)/T^3 = 63 rho / 262144 at T = 64 (docs/theory.md section 6).
        Assert.That(lines[1], Does.StartWith("F_64 = 1/4096 + sigma^2*(63*rho/262144) + sigma^4*(").And.EndWith("+ O(sigma^10)"));
        Assert.That(lines[2], Does.StartWith("F_T = 1/T^2 + sigma^2*(rho*(T - 1)/T^3) + ").And.Contain("sigma^8*(").And.EndWith("+ O(sigma^10)"));
    }

    [TestCase("5")]
    [TestCase("12")]
    public void BadOrderNamesTheOptionAndTheAllowedValues(string order)
    {
        var (exit, output, error) = CliProcess.Run("attention", "--method", "series", "--order", order);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.Contain("--order").And.Contain("2, 4, 6, 8 or 10"));
    }
}
