// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using NnQft.Symbolic;
using static NnQft.Symbolic.NetworkSymbols;

namespace NnQft.Symbolic.Tests;

public sealed class PrinterTests
{
    private static readonly Symbol X1 = Point(1), X2 = Point(2);

    [Test]
    public void LatexGoldenStrings()
    {
        Assert.That(LatexPrinter.Print(SigmaA * SigmaA * Tokens * Kernel.Of(1, X1, X2) * AttentionMoment.Paired([(1, X1, X2)])),
            Is.EqualTo(@"T \sigma_{a}^{2} k_{1}\left(x_{1}, x_{2}\right) M_{2}\left(1, x_{1}, x_{2}\right)"));
        Assert.That(LatexPrinter.Print(2 * Power.Of(SigmaA, 4) / (Heads * ValueWidth)), Is.EqualTo(@"\frac{2 \sigma_{a}^{4}}{N_{h} d_{v}}"));
        Assert.That(LatexPrinter.Print(Power.Of(new Symbol("x"), Number.Of(1, 2))), Is.EqualTo(@"\sqrt{x}"));
        Assert.That(LatexPrinter.Print(Cumulant.Covariance(C(X1, X2), C(Point(3), Point(4)))),
            Is.EqualTo(@"\operatorname{Cov}\left(c\left(x_{1}, x_{2}\right), c\left(x_{3}, x_{4}\right)\right)"));
        Assert.That(LatexPrinter.Print(Tokens * (Tokens - 1)), Is.EqualTo(@"T \left(T - 1\right)"));
        Assert.That(LatexPrinter.Print(FunctionCall.Of(FunctionKind.BesselK, [Number.Of(3, 2), new Symbol("r")])), Is.EqualTo(@"K_{\frac{3}{2}}\left(r\right)"));
        Assert.That(LatexPrinter.Print(Expectation.Of(A(1, X1) * A(1, X2))), Is.EqualTo(@"\mathbb{E}\left[A_{1}\left(x_{1}\right) A_{1}\left(x_{2}\right)\right]"));
    }

    [Test]
    public void TextAndSympyUseTheInterfaceNames()
    {
        var t = Symbol.Index("t");
        var e = IndexSum.Of(Kernel.Of(t, X1, X2) * AttentionMoment.Paired([(t, X1, X2)]), t, Tokens) - Power.Of(SigmaB, 2) / 2;
        Assert.That(TextPrinter.Print(e), Is.EqualTo("-sigma_b^2/2 + Sum(k_t(x1, x2)*M2(t, x1, x2), (t, 1, T))"));
        Assert.That(SympyPrinter.Print(e), Is.EqualTo("-sigma_b**2/2 + Sum(k(t, x1, x2)*M2(t, x1, x2), (t, 1, T))"));
        Assert.That(SympyPrinter.Print(FunctionCall.Of(FunctionKind.Arcsin, [new Symbol("rho")]) / (2 * Constants.Pi) + Number.Of(1, 4)),
            Is.EqualTo("asin(rho)/(2*pi) + 1/4"));
        Assert.That(SympyPrinter.Print(KroneckerDelta.Of(t, Symbol.Index("u"))), Is.EqualTo("KroneckerDelta(t, u)"));
    }

    [Test]
    public void JsonTreeHasOpAndArgs()
    {
        var node = JsonPrinter.ToJson(Tokens * Kernel.Of(1, X1, X2) + Number.Of(1, 2));
        Assert.That((string?)node["op"], Is.EqualTo("add"));
        var args = node["args"]!.AsArray();
        Assert.That(args, Has.Count.EqualTo(2));
        Assert.That(args.Select(a => (string?)a!["op"]), Is.EquivalentTo(new[] { "number", "mul" }));
        Assert.That(JsonNode.Parse(JsonPrinter.Print(Tokens)), Is.Not.Null);
    }
}
