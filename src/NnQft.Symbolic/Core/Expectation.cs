// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// E[body] over all random quantities left opaque in body (attention weights, Grams, conditional covariances).
/// Canonical at construction by linearity: deterministic parts, sums and index sums come out.
/// </summary>
/// <example><code>var a = RandomVariable.Of("a", [], []); Expr m = Expectation.Of(a * a); // "E[a^2]"</code></example>
public sealed record Expectation : Expr
{
    private Expectation(Expr body)
    {
        Body = body;
        SymbolMask = body.SymbolMask;
    }

    /// <summary>The random expression.</summary>
    /// <example><code>var a = RandomVariable.Of("a", [], []); Expr body = ((Expectation)Expectation.Of(a * a)).Body;</code></example>
    public Expr Body { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [Body];

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => Of(children[0]);

    /// <inheritdoc />
    public override bool IsRandom => false;

    /// <summary>The canonical expectation.</summary>
    /// <example><code>Expr e = Expectation.Of(RandomVariable.Of("a", [], []) * Sym.Var("s")); // s E[a]: constants leave the expectation</code></example>
    public static Expr Of(Expr body)
    {
        switch (body)
        {
            case var b when !b.IsRandom: return b;
            case Sum s: return Sum.Of(s.Terms.Select(Of));
            case IndexSum i: return IndexSum.Of(Of(i.Body), i.Index, i.Lower, i.Upper);
            case Product p when p.Factors.Any(NeedsExpansion): return Sum.Of(Prenex.Terms(p).Select(OfMonomial));
            case Power pw when NeedsExpansion(pw): return Sum.Of(Prenex.Terms(pw).Select(OfMonomial));
            case Product p: return OfMonomial(p);
            default: return new Expectation(body);
        }
    }

    private static Expr OfMonomial(Expr term)
    {
        if (!term.IsRandom) return term;
        var prenex = Prenex.Of(term);
        var fixedPart = prenex.Factors.Where(f => !f.IsRandom).Prepend(prenex.Coefficient);
        var random = Product.Of(prenex.Factors.Where(f => f.IsRandom));
        return prenex.Wrap(Product.Of(Product.Of(fixedPart), random is Product or RandomVariable or Power or FunctionCall ? new Expectation(random) : Of(random)));
    }

    /// <summary>Sums hidden in a product factor or a positive integer power: linearity needs them expanded.</summary>
    internal static bool NeedsExpansion(Expr f) =>
        f is IndexSum or Sum || f is Power { Base: IndexSum or Sum, Exponent: Number { IsInteger: true, Numerator.Sign: > 0 } };
}
