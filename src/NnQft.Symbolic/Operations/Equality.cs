// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// Mathematical equality: first the canonical forms (expanded difference, expectations in cumulant form) must
/// agree; when they do not, numeric evaluation at random points gives a second opinion. Opaque functions and
/// expectations get deterministic pseudo-random values by their (canonical) content, integer symbols integers in
/// [2, <see cref="MaxIntegerDraw"/>], positive symbols values in [0.5, 2], others values in [-1, 1].
/// </summary>
/// <example><code>var x = Sym.Var("x"); bool same = Equality.AreEqual((x + 1) * (x + 1), x * x + 2 * x + 1); // true</code></example>
public static class Equality
{
    /// <summary>True when a and b are equal by canonical form or, failing that, at <paramref name="trials"/> random points.</summary>
    /// <example><code>var x = Sym.Var("x"); bool same = Equality.AreEqual(Sym.Exp(2 * x), Expr.Pow(Sym.Exp(x), 2)); // true, numerically</code></example>
    public static bool AreEqual(Expr a, Expr b, int trials = 6, int seed = 12345) => Compare(a, b, trials, seed) != EqualityEvidence.None;

    /// <summary>The check of <see cref="AreEqual"/>, saying which of its two methods established the equality.</summary>
    /// <example><code>var x = Sym.Var("x"); EqualityEvidence how = Equality.Compare((x + 1) * (x + 1), x * x + 2 * x + 1); // CanonicalForm</code></example>
    public static EqualityEvidence Compare(Expr a, Expr b, int trials = 6, int seed = 12345)
    {
        var ca = Canonical(a);
        var cb = Canonical(b);
        if (Expansion.Expand(Sum.Of(ca, Product.Of(Number.MinusOne, cb))) is Number { IsZero: true }) return EqualityEvidence.CanonicalForm;
        return NumericallyEqual(ca, cb, trials, seed) ? EqualityEvidence.RandomPoints : EqualityEvidence.None;
    }

    /// <summary>The canonical form used for comparison: expectations of products rewritten as cumulants, then expanded.</summary>
    /// <example><code>var x = Sym.Var("x"); Expr c = Equality.Canonical((x + 1) * (x - 1)); // "x^2 - 1"</code></example>
    public static Expr Canonical(Expr e) => Expansion.Expand(MomentsCumulants.ToCumulantForm(Expansion.Expand(e)));

    /// <summary>
    /// The largest value drawn for an integer symbol. A draw from a handful of integers cannot tell apart two
    /// polynomials in T whose difference vanishes there, such as (T - 2)(T - 3)(T - 4)(T - 5).
    /// </summary>
    /// <example><code>int top = Equality.MaxIntegerDraw; // 64</code></example>
    public const int MaxIntegerDraw = 64;

    /// <summary>
    /// Equality at random points only: at each point the values must agree to 1e-9 relative to the size of the
    /// terms that make them up (so a small value is compared by its own scale, and a cancellation is judged
    /// against the terms that cancel).
    /// </summary>
    /// <example><code>var x = Sym.Var("x"); bool same = Equality.NumericallyEqual(Expr.Pow(Sym.Sin(x), 2) + Expr.Pow(Sym.Cos(x), 2), 1); // true</code></example>
    public static bool NumericallyEqual(Expr a, Expr b, int trials = 6, int seed = 12345)
    {
        var symbols = FreeSymbols.Of(a).Union(FreeSymbols.Of(b)).OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s, ExprOrder.Instance).ToList();
        var rng = new Random(seed);
        for (int trial = 0; trial < trials; trial++)
        {
            var values = new Dictionary<string, double>();
            foreach (var s in symbols)
                values[s.Name] = s.IsInteger ? rng.Next(2, MaxIntegerDraw + 1) : s.IsPositive ? 0.5 + 1.5 * rng.NextDouble() : 2 * rng.NextDouble() - 1;
            var nodes = new HashedNodeValues(rng.Next());
            var env = new EvaluationEnvironment(values, nodes, nodes.Opaque);
            double va = Evaluator.Evaluate(a, env), vb = Evaluator.Evaluate(b, env);
            double scale = Math.Max(Magnitude(a, env), Magnitude(b, env));
            if (!(Math.Abs(va - vb) <= 1e-9 * scale)) return false;
        }
        return true;
    }

    /// <summary>The sum of the absolute values of the top-level terms: the scale at which rounding shows.</summary>
    private static double Magnitude(Expr e, EvaluationEnvironment env) =>
        e is Sum s ? s.Terms.Sum(t => Math.Abs(Evaluator.Evaluate(t, env))) : Math.Abs(Evaluator.Evaluate(e, env));
}

/// <summary>How <see cref="Equality.Compare"/> established an equality, if it did.</summary>
/// <example><code>bool proven = Equality.Compare(Sym.Var("x"), Sym.Var("x")) == EqualityEvidence.CanonicalForm; // true</code></example>
public enum EqualityEvidence
{
    /// <summary>Not equal by either method.</summary>
    None,

    /// <summary>The canonical forms agree: a proof.</summary>
    CanonicalForm,

    /// <summary>The canonical forms differ in shape, but the values agree at every random point.</summary>
    RandomPoints,
}
