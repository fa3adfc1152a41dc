// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// Mathematical equality: first the canonical forms (expanded difference, expectations in cumulant form) must
/// agree; when they do not, numeric evaluation at random points gives a second opinion. Opaque functions and
/// expectations get deterministic pseudo-random values by their (canonical) content, integer symbols small
/// integers, positive symbols values in [0.5, 2], others values in [-1, 1].
/// </summary>
/// <example><code>var x = Sym.Var("x"); bool same = Equality.AreEqual((x + 1) * (x + 1), x * x + 2 * x + 1); // true</code></example>
public static class Equality
{
    /// <summary>True when a and b are equal by canonical form or, failing that, at <paramref name="trials"/> random points.</summary>
    /// <example><code>var x = Sym.Var("x"); bool same = Equality.AreEqual(Sym.Exp(2 * x), Expr.Pow(Sym.Exp(x), 2)); // true, numerically</code></example>
    public static bool AreEqual(Expr a, Expr b, int trials = 6, int seed = 12345)
    {
        var ca = Canonical(a);
        var cb = Canonical(b);
        if (Expansion.Expand(Sum.Of(ca, Product.Of(Number.MinusOne, cb))) is Number { IsZero: true }) return true;
        return NumericallyEqual(ca, cb, trials, seed);
    }

    /// <summary>The canonical form used for comparison: expectations of products rewritten as cumulants, then expanded.</summary>
    /// <example><code>var x = Sym.Var("x"); Expr c = Equality.Canonical((x + 1) * (x - 1)); // x^2 - 1</code></example>
    public static Expr Canonical(Expr e) => Expansion.Expand(MomentsCumulants.ToCumulantForm(Expansion.Expand(e)));

    /// <summary>Equality at random points only.</summary>
    /// <example><code>var x = Sym.Var("x"); bool same = Equality.NumericallyEqual(Expr.Pow(Sym.Sin(x), 2) + Expr.Pow(Sym.Cos(x), 2), 1); // true</code></example>
    public static bool NumericallyEqual(Expr a, Expr b, int trials = 6, int seed = 12345)
    {
        var symbols = FreeSymbols.Of(a).Union(FreeSymbols.Of(b)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var rng = new Random(seed);
        for (int trial = 0; trial < trials; trial++)
        {
            var values = new Dictionary<string, double>();
            foreach (var s in symbols)
                values[s.Name] = s.IsInteger ? rng.Next(2, 6) : s.IsPositive ? 0.5 + 1.5 * rng.NextDouble() : 2 * rng.NextDouble() - 1;
            var nodes = new HashedNodeValues(rng.Next());
            var env = new EvaluationEnvironment(values, nodes, nodes.Opaque);
            double va = Evaluator.Evaluate(a, env), vb = Evaluator.Evaluate(b, env);
            if (!(Math.Abs(va - vb) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(va), Math.Abs(vb))))) return false;
        }
        return true;
    }
}
