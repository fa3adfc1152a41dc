// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// SymPy source that <c>sympify</c> parses, with the names of docs/cli.md section 4: <c>k1(x1, x2)</c>,
/// <c>M2(1, x1, x2)</c>, <c>Sum(f, (t, 1, T))</c>, <c>KroneckerDelta(i, j)</c>; opaque random quantities are
/// undefined functions such as <c>A(h, t, x1)</c>, expectations <c>Expectation(...)</c>, cumulants
/// <c>Covariance(x, y)</c> / <c>Cumulant(x, y, z)</c>.
/// </summary>
/// <example><code>string py = SympyPrinter.Print(Sym.Exp(-Sym.Var("r"))); // "exp(-r)"</code></example>
public sealed class SympyPrinter : InfixPrinter
{
    private static readonly SympyPrinter Instance = new();

    /// <summary>Prints e as SymPy source.</summary>
    /// <example><code>string py = SympyPrinter.Print(Expr.Pow(Sym.Var("x"), Sym.Rational(1, 2)));</code></example>
    public static new string Print(Expr e) => ((InfixPrinter)Instance).Print(e);

    /// <inheritdoc />
    protected override string PowerText(string @base, Expr exponent) => @base + "**" + At(exponent, Precedence.Atom);

    /// <inheritdoc />
    protected override string SqrtText(Expr radicand) => "sqrt(" + Render(radicand).Text + ")";

    /// <inheritdoc />
    protected override string Atom(Expr e) => e switch
    {
        Symbol s => s.Name,
        MathConstant c => c.Name,
        FunctionCall f => FunctionNames.Sympy(f.Kind) + "(" + Args(f.Args) + ")",
        Kernel k => k.Token is Number n ? "k" + n + "(" + Args([k.A, k.B]) + ")" : "k(" + Args([k.Token, k.A, k.B]) + ")",
        AttentionMoment { IsPaired: true } m => "M" + m.Degree + "(" + Args(m.PairArguments) + ")",
        AttentionMoment m => Atom(m.AsExpectation()),
        Apply a => a.Name + "(" + Args(a.Args) + ")",
        RandomVariable r => r.Name + "(" + Args([.. r.Indices, .. r.Points]) + ")",
        KroneckerDelta d => "KroneckerDelta(" + Args([d.I, d.J]) + ")",
        IndexSum i => "Sum(" + Render(i.Body).Text + ", (" + i.Index.Name + ", " + Render(i.Lower).Text + ", " + Render(i.Upper).Text + "))",
        Expectation x => "Expectation(" + Render(x.Body).Text + ")",
        Cumulant c => (c.Args.Count == 2 ? "Covariance(" : "Cumulant(") + Args(c.Args) + ")",
        _ => throw new NotSupportedException(e.GetType().Name),
    };
}
