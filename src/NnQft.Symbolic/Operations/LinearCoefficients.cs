// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// An expression written as c_0 + sum_i a_i v_i, linear in some chosen nodes v_i (the variables), with c_0 and the
/// a_i free of them. Built by <see cref="LinearCoefficients.Collect"/>.
/// </summary>
/// <param name="Constant">c_0, the part without any variable.</param>
/// <param name="Terms">Each variable once, in order of first appearance, with its coefficient a_i.</param>
/// <example><code>
/// var (x, y) = (Sym.Var("x"), Sym.Var("y"));
/// LinearCombination f = LinearCoefficients.Collect(3 * x * y + y + 2, node =&gt; node.Equals(x)); // 2 + y + (3 y) x
/// </code></example>
public sealed record LinearCombination(Expr Constant, IReadOnlyList<(Expr Variable, Expr Coefficient)> Terms);

/// <summary>
/// Collects the coefficient of each variable node of an expression that is affine in them: expand, then sort every
/// term by the one variable factor it holds. A variable squared, multiplied by another variable, or inside a power,
/// function, sum over an index, expectation or another node's arguments is an error: the expression is then not
/// linear in the variables (or not visibly so), and no coefficient would be exact.
/// </summary>
/// <example><code>
/// var m = AttentionMoment.Paired([(1, Sym.Var("x1"), Sym.Var("x2")), (2, Sym.Var("x3"), Sym.Var("x4"))]);
/// LinearCombination f = LinearCoefficients.Collect(Sym.Var("T") * (m - 1), node =&gt; node is AttentionMoment { Degree: 4 }); // -T + T m
/// </code></example>
public static class LinearCoefficients
{
    /// <summary>c_0 and the coefficient of each node for which <paramref name="isVariable"/> holds.</summary>
    /// <example><code>var x = Sym.Var("x"); var f = LinearCoefficients.Collect(Expr.Pow(x + 1, 2) - x * x, node =&gt; node.Equals(x)); // 1 + 2 x</code></example>
    public static LinearCombination Collect(Expr e, Func<Expr, bool> isVariable)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(isVariable);
        var constant = new List<Expr>();
        var order = new List<Expr>();
        var coefficients = new Dictionary<Expr, List<Expr>>();
        var expanded = Expansion.Expand(e);
        foreach (var term in expanded is Sum s ? s.Terms : (IReadOnlyList<Expr>)[expanded])
        {
            var (variable, coefficient) = Split(term, isVariable);
            if (variable is null)
            {
                constant.Add(term);
                continue;
            }
            if (!coefficients.TryGetValue(variable, out var list))
            {
                coefficients[variable] = list = [];
                order.Add(variable);
            }
            list.Add(coefficient);
        }
        return new LinearCombination(Sum.Of(constant),
            order.Select(v => (v, Sum.Of(coefficients[v]))).Where(t => t.Item2 is not Number { IsZero: true }).ToList());
    }

    // A term is a variable, a product with exactly one variable factor (to the first power), or free of variables.
    private static (Expr? Variable, Expr Coefficient) Split(Expr term, Func<Expr, bool> isVariable)
    {
        if (isVariable(term)) return (term, Number.One);
        if (term is Product p)
        {
            Expr? variable = null;
            var rest = new List<Expr> { p.Coefficient };
            foreach (var f in p.Factors)
            {
                if (isVariable(f))
                {
                    if (variable is not null) throw NotLinear(term, "a product of two variables");
                    variable = f;
                }
                else
                {
                    if (Contains(f, isVariable)) throw NotLinear(term, "a variable inside " + f);
                    rest.Add(f);
                }
            }
            return (variable, Product.Of(rest));
        }
        if (Contains(term, isVariable)) throw NotLinear(term, "a variable inside a nonlinear or opaque node");
        return (null, term);
    }

    private static bool Contains(Expr e, Func<Expr, bool> isVariable)
    {
        if (isVariable(e)) return true;
        foreach (var c in e.Children)
            if (Contains(c, isVariable)) return true;
        return false;
    }

    private static ArgumentException NotLinear(Expr term, string why) =>
        new($"the expression is not linear in the variables: the term {term} has {why}", "e");
}
