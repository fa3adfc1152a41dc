// SPDX-License-Identifier: MIT
using System.Text;

namespace NnQft.Symbolic;

/// <summary>
/// The infix layout shared by the text, SymPy and LaTeX printers: sums with signs, products split into numerator
/// and denominator, powers, parenthesisation by <see cref="Precedence"/>. Subclasses supply the syntax of atoms.
/// </summary>
/// <example><code>InfixPrinter printer = new TextPrinter(); string text = printer.Print(Sym.Var("x") + 1); // "x + 1"</code></example>
public abstract class InfixPrinter
{
    /// <summary>Prints e.</summary>
    /// <example><code>InfixPrinter printer = new SympyPrinter(); string py = printer.Print(2 * Sym.Var("x"));</code></example>
    public string Print(Expr e) => Render(e).Text;

    /// <summary>Text and its precedence.</summary>
    protected readonly record struct Rendered(string Text, Precedence Level);

    /// <summary>Renders e.</summary>
    protected Rendered Render(Expr e) => e switch
    {
        Number n => RenderNumber(n),
        Sum s => RenderSum(s),
        Product p => RenderProduct(p.Coefficient, p.Factors),
        Power pw => RenderPowerFactor(pw),
        _ => new Rendered(Atom(e), Precedence.Atom),
    };

    /// <summary>Renders e parenthesised when it binds more loosely than <paramref name="needed"/>.</summary>
    protected string At(Expr e, Precedence needed)
    {
        var r = Render(e);
        return r.Level < needed ? Parenthesise(r.Text) : r.Text;
    }

    /// <summary>Atoms: symbols, function calls, kernels, random variables, sums over indices, expectations.</summary>
    protected abstract string Atom(Expr e);

    /// <summary>Parentheses in this syntax.</summary>
    protected virtual string Parenthesise(string s) => "(" + s + ")";

    /// <summary>A numeric rational p/q (positive).</summary>
    protected virtual string Rational(System.Numerics.BigInteger p, System.Numerics.BigInteger q) => $"{p}/{q}";

    /// <summary>The multiplication sign.</summary>
    protected virtual string Times => "*";

    /// <summary>Quotient layout.</summary>
    protected virtual string Quotient(string numerator, string denominator, bool denominatorIsAtom) =>
        numerator + "/" + (denominatorIsAtom ? denominator : Parenthesise(denominator));

    /// <summary>Power layout (base already parenthesised as needed).</summary>
    protected abstract string PowerText(string @base, Expr exponent);

    /// <summary>Square-root layout.</summary>
    protected abstract string SqrtText(Expr radicand);

    private Rendered RenderNumber(Number n)
    {
        var abs = System.Numerics.BigInteger.Abs(n.Numerator);
        string t = n.IsInteger ? abs.ToString() : Rational(abs, n.Denominator);
        var level = n.IsInteger ? Precedence.Atom : Precedence.Product;
        return n.Numerator.Sign < 0 ? new Rendered("-" + t, Precedence.Sum) : new Rendered(t, level);
    }

    private Rendered RenderSum(Sum s)
    {
        // Numbers last, like a physicist writes them.
        var terms = s.Terms.Where(t => t is not Number).Concat(s.Terms.Where(t => t is Number)).ToList();
        var sb = new StringBuilder();
        for (int i = 0; i < terms.Count; i++)
        {
            var (c, rest) = Product.Split(terms[i]);
            bool negative = c.Numerator.Sign < 0;
            var magnitude = negative ? Product.Of(Number.Of(-c.Numerator, c.Denominator), rest) : terms[i];
            var text = At(magnitude, Precedence.Product);
            if (i == 0) sb.Append(negative ? "-" + text : text);
            else sb.Append(negative ? " - " : " + ").Append(text);
        }
        return new Rendered(sb.ToString(), Precedence.Sum);
    }

    private Rendered RenderProduct(Number coefficient, IReadOnlyList<Expr> factors)
    {
        var numerator = new List<string>();
        var denominator = new List<string>();
        var num = System.Numerics.BigInteger.Abs(coefficient.Numerator);
        if (!num.IsOne) numerator.Add(num.ToString());
        if (!coefficient.Denominator.IsOne) denominator.Add(coefficient.Denominator.ToString());
        foreach (var f in factors)
        {
            if (f is Power { Exponent: Number { Numerator.Sign: < 0 } ne } pw)
            {
                var inverse = Power.Of(pw.Base, Number.Of(-ne.Numerator, ne.Denominator));
                denominator.Add(At(inverse, Precedence.Power));
            }
            else numerator.Add(At(f, Precedence.Product + 1));
        }
        string numText = numerator.Count == 0 ? "1" : string.Join(Times, numerator);
        string text = denominator.Count == 0 ? numText : Quotient(numText, string.Join(Times, denominator), denominator.Count == 1);
        bool negative = coefficient.Numerator.Sign < 0;
        return negative ? new Rendered("-" + text, Precedence.Sum) : new Rendered(text, Precedence.Product);
    }

    private Rendered RenderPowerFactor(Power pw)
    {
        if (pw.Exponent is Number { Numerator.IsOne: true, Denominator: var d } && d == 2) return new Rendered(SqrtText(pw.Base), Precedence.Atom);
        if (pw.Exponent is Number { Numerator.Sign: < 0 }) return RenderProduct(Number.One, [pw]);
        return new Rendered(PowerText(At(pw.Base, Precedence.Atom), pw.Exponent), Precedence.Power);
    }

    /// <summary>Comma-separated arguments.</summary>
    protected string Args(IEnumerable<Expr> args) => string.Join(", ", args.Select(a => Render(a).Text));
}
