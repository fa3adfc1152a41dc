// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>Plain text: <c>T*sigma_V^2*k1(x1, x2)*M2(1, x1, x2)</c>, <c>E[...]</c>, <c>Cov(..., ...)</c>, <c>Sum(f, (t, 1, T))</c>.</summary>
/// <example><code>string text = TextPrinter.Print(Expectation.Of(RandomVariable.Of("a", [], []) * RandomVariable.Of("a", [], []))); // "E[a^2]"</code></example>
public sealed class TextPrinter : InfixPrinter
{
    private static readonly TextPrinter Instance = new();

    /// <summary>Prints e as plain text.</summary>
    /// <example><code>string text = TextPrinter.Print(2 * Sym.Var("x")); // "2*x"</code></example>
    public static new string Print(Expr e) => ((InfixPrinter)Instance).Print(e);

    /// <inheritdoc />
    protected override string PowerText(string @base, Expr exponent) => @base + "^" + At(exponent, Precedence.Atom);

    /// <inheritdoc />
    protected override string SqrtText(Expr radicand) => "sqrt(" + Render(radicand).Text + ")";

    /// <inheritdoc />
    protected override string Atom(Expr e) => e switch
    {
        Symbol s => s.Name,
        MathConstant c => c.Name,
        FunctionCall f => FunctionNames.Text(f.Kind) + "(" + Args(f.Args) + ")",
        Kernel k => KernelText(k),
        AttentionMoment { IsPaired: true } m => "M" + m.Degree + "(" + Args(m.PairArguments) + ")",
        AttentionMoment m => Atom(m.AsExpectation()),
        Apply a => a.Name + "(" + Args(a.Args) + ")",
        RandomVariable r => r.Name + (r.Indices.Count > 0 ? "_{" + Args(r.Indices).Replace(" ", "") + "}" : "") + (r.Points.Count > 0 ? "(" + Args(r.Points) + ")" : ""),
        KroneckerDelta d => "delta(" + Args([d.I, d.J]) + ")",
        IndexSum i => "Sum(" + Render(i.Body).Text + ", (" + i.Index.Name + ", " + Render(i.Lower).Text + ", " + Render(i.Upper).Text + "))",
        Expectation x => "E[" + Render(x.Body).Text + "]",
        Cumulant c => (c.Args.Count == 2 ? "Cov(" : "Cum(") + Args(c.Args) + ")",
        _ => throw new NotSupportedException(e.GetType().Name),
    };

    private string KernelText(Kernel k) =>
        (k.Token is Number n ? "k" + n : "k_" + Render(k.Token).Text) + "(" + Args([k.A, k.B]) + ")";
}

/// <summary>Function names per syntax.</summary>
internal static class FunctionNames
{
    public static string Text(FunctionKind k) => k switch
    {
        FunctionKind.Exp => "exp",
        FunctionKind.Log => "log",
        FunctionKind.Sin => "sin",
        FunctionKind.Cos => "cos",
        FunctionKind.Arcsin => "arcsin",
        FunctionKind.Erf => "erf",
        FunctionKind.Gamma => "Gamma",
        FunctionKind.Abs => "abs",
        FunctionKind.BesselJ => "BesselJ",
        FunctionKind.BesselK => "BesselK",
        _ => throw new NotSupportedException(k.ToString()),
    };

    public static string Sympy(FunctionKind k) => k switch
    {
        FunctionKind.Arcsin => "asin",
        FunctionKind.Gamma => "gamma",
        FunctionKind.Abs => "Abs",
        FunctionKind.BesselJ => "besselj",
        FunctionKind.BesselK => "besselk",
        _ => Text(k),
    };

    public static string Latex(FunctionKind k) => k switch
    {
        FunctionKind.Exp => @"\exp",
        FunctionKind.Log => @"\log",
        FunctionKind.Sin => @"\sin",
        FunctionKind.Cos => @"\cos",
        FunctionKind.Arcsin => @"\arcsin",
        FunctionKind.Erf => @"\operatorname{erf}",
        FunctionKind.Gamma => @"\Gamma",
        _ => throw new NotSupportedException(k.ToString()),
    };
}
