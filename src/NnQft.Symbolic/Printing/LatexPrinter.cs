// SPDX-License-Identifier: MIT
using System.Text.RegularExpressions;

namespace NnQft.Symbolic;

/// <summary>
/// LaTeX: <c>\frac{}{}</c> quotients, juxtaposed factors, Greek letters for sigma, <c>k_{1}(x_{1}, x_{2})</c>,
/// <c>\mathbb{E}\left[...\right]</c>, <c>\operatorname{Cov}</c>, <c>\sum_{t=1}^{T}</c>.
/// </summary>
/// <example><code>string tex = LatexPrinter.Print(Expr.Pow(NetworkSymbols.SigmaV, 2) / NetworkSymbols.ValueWidth); // "\frac{\sigma_{V}^{2}}{d_{v}}"</code></example>
public sealed partial class LatexPrinter : InfixPrinter
{
    private static readonly LatexPrinter Instance = new();

    /// <summary>Prints e as LaTeX.</summary>
    /// <example><code>string tex = LatexPrinter.Print(Derive.Correlator(Architecture.Default, 4, connected: true).Value);</code></example>
    public static new string Print(Expr e) => ((InfixPrinter)Instance).Print(e);

    /// <inheritdoc />
    protected override string Times => " ";

    /// <inheritdoc />
    protected override string Parenthesise(string s) => @"\left(" + s + @"\right)";

    /// <inheritdoc />
    protected override string Rational(System.Numerics.BigInteger p, System.Numerics.BigInteger q) => @"\frac{" + p + "}{" + q + "}";

    /// <inheritdoc />
    protected override string Quotient(string numerator, string denominator, bool denominatorIsAtom) =>
        @"\frac{" + numerator + "}{" + denominator + "}";

    /// <inheritdoc />
    protected override string PowerText(string @base, Expr exponent) => @base + "^{" + Render(exponent).Text + "}";

    /// <inheritdoc />
    protected override string SqrtText(Expr radicand) => @"\sqrt{" + Render(radicand).Text + "}";

    /// <inheritdoc />
    protected override string Atom(Expr e) => e switch
    {
        Symbol s => Name(s.Name),
        MathConstant { Kind: ConstantKind.Pi } => @"\pi",
        FunctionCall { Kind: FunctionKind.Abs } f => @"\left|" + Render(f.Args[0]).Text + @"\right|",
        FunctionCall { Kind: FunctionKind.BesselJ or FunctionKind.BesselK } f =>
            (f.Kind == FunctionKind.BesselJ ? "J" : "K") + "_{" + Render(f.Args[0]).Text + "}" + Parenthesise(Render(f.Args[1]).Text),
        FunctionCall f => FunctionNames.Latex(f.Kind) + Parenthesise(Args(f.Args)),
        Kernel k => "k_{" + Render(k.Token).Text + "}" + Parenthesise(Args([k.A, k.B])),
        AttentionMoment { IsPaired: true } m => "M_{" + m.Degree + "}" + Parenthesise(Args(m.PairArguments)),
        AttentionMoment m => Atom(m.AsExpectation()),
        Apply a => Name(a.Name) + Parenthesise(Args(a.Args)),
        RandomVariable r => Name(r.Name) + (r.Indices.Count > 0 ? "_{" + string.Join(" ", r.Indices.Select(i => Render(i).Text)) + "}" : "")
                            + (r.Points.Count > 0 ? Parenthesise(Args(r.Points)) : ""),
        KroneckerDelta d => @"\delta_{" + Render(d.I).Text + " " + Render(d.J).Text + "}",
        IndexSum i => @"\sum_{" + Name(i.Index.Name) + "=" + Render(i.Lower).Text + "}^{" + Render(i.Upper).Text + "} " + At(i.Body, Precedence.Product),
        Expectation x => @"\mathbb{E}\left[" + Render(x.Body).Text + @"\right]",
        Cumulant c => (c.Args.Count == 2 ? @"\operatorname{Cov}" : @"\kappa") + Parenthesise(Args(c.Args)),
        _ => throw new NotSupportedException(e.GetType().Name),
    };

    private static readonly HashSet<string> Greek = ["alpha", "beta", "gamma", "delta", "epsilon", "rho", "sigma", "tau", "phi", "pi", "mu", "nu", "kappa", "lambda", "theta", "omega"];

    /// <summary>sigma_Q -> \sigma_{Q}, x12 -> x_{12}, N_h -> N_{h}, M2 -> M_{2}.</summary>
    private static string Name(string name)
    {
        var m = NamePattern().Match(name);
        string stem = m.Groups[1].Value, sub = m.Groups[2].Success && m.Groups[2].Value.Length > 0 ? m.Groups[2].Value : m.Groups[3].Value;
        string head = Greek.Contains(stem) ? @"\" + stem : stem.Length > 1 ? @"\mathrm{" + stem + "}" : stem;
        return sub.Length > 0 ? head + "_{" + sub + "}" : head;
    }

    [GeneratedRegex(@"^([A-Za-z]+?)(?:_([A-Za-z0-9]+)|([0-9]+))?$")]
    private static partial Regex NamePattern();
}
