// SPDX-License-Identifier: MIT
using System.Globalization;
using NnQft.Symbolic;

namespace NnQft.Hybrid.Proofs;

/// <summary>
/// The two kinds of evidence a step can carry: symbolic equality by the engine (canonical forms first, then
/// numeric evaluation at random points, as <see cref="Equality"/> does) and numeric agreement of a formula with an
/// independent numeric evaluation (quadrature, the numeric module) at seeded random points within a stated tolerance.
/// </summary>
/// <example><code>ProofStep step = StepChecks.Claim("expanding the square", "(x+1)^2 = x^2 + 2x + 1", Expr.Pow(Sym.Var("x") + 1, 2), Sym.Var("x") * Sym.Var("x") + 2 * Sym.Var("x") + 1);</code></example>
public static class StepChecks
{
    /// <summary>Seed and number of random points of the engine's numeric second opinion.</summary>
    /// <example><code>bool same = Equality.AreEqual(Sym.Var("x"), Sym.Var("x"), StepChecks.EngineTrials, StepChecks.EngineSeed); // true</code></example>
    public const int EngineSeed = 12345, EngineTrials = 6;

    /// <summary>Engine equality of two expressions, saying which of the two methods established it.</summary>
    /// <example><code>ProofCheck c = StepChecks.Symbolic(Expansion.Expand(Expr.Pow(Sym.Var("x") + 1, 2)), Sym.Var("x") * Sym.Var("x") + 2 * Sym.Var("x") + 1); bool passed = c.Passed; // true</code></example>
    public static ProofCheck Symbolic(Expr derived, Expr stated) => Equality.Compare(derived, stated, EngineTrials, EngineSeed) switch
    {
        EqualityEvidence.CanonicalForm => new ProofCheck(true, "engine, canonical form (expanded difference, expectations as cumulants) is 0."),
        EqualityEvidence.RandomPoints => new ProofCheck(true, $"engine, canonical forms differ in shape, so numerically: equal to 1e-9 relative at {EngineTrials} random points (seed {EngineSeed}; opaque functions and expectations get seeded pseudo-random values)."),
        _ => new ProofCheck(false, "engine: not equal, neither by canonical form nor at random points."),
    };

    /// <summary>A step whose equation is <paramref name="lhs"/> = derived (= stated when they print differently), checked by the engine.</summary>
    /// <example><code>ProofStep s = StepChecks.Equation("definition of the square", "x^2", Sym.Var("x") * Sym.Var("x"), Expr.Pow(Sym.Var("x"), 2));</code></example>
    public static ProofStep Equation(string justification, string lhs, Expr derived, Expr stated)
    {
        string d = LatexPrinter.Print(derived), s = LatexPrinter.Print(stated);
        string latex = d == s ? lhs + " = " + d : "\\begin{aligned}\n" + lhs + " &= " + d + " \\\\\n &= " + s + "\n\\end{aligned}";
        return new ProofStep(justification, latex, () => Symbolic(derived, stated));
    }

    /// <summary>
    /// A step whose derived expression is too long to print usefully: <paramref name="latex"/> states the equation
    /// and the size of the checked expression is reported; the check is the same engine equality.
    /// </summary>
    /// <example><code>ProofStep s = StepChecks.Claim("by symmetry", "k(x, y) = k(y, x)", Kernel.Of(1, Sym.Var("x"), Sym.Var("y")), Kernel.Of(1, Sym.Var("x"), Sym.Var("y")));</code></example>
    public static ProofStep Claim(string justification, string latex, Expr derived, Expr stated) =>
        new(justification, latex, () =>
        {
            var check = Symbolic(derived, stated);
            int terms = Expansion.Expand(derived) is Sum sum ? sum.Terms.Count : 1;
            return check with { Method = check.Method.TrimEnd('.') + $"; the expanded left-hand side has {terms} terms." };
        });

    /// <summary>
    /// Numeric agreement: at every point, |formula - reference| must not exceed <paramref name="tolerance"/>(point).
    /// The method text lists the points and the tolerance (never the measured errors, which are not reproducible
    /// to the last bit across machines).
    /// </summary>
    /// <example><code>
    /// ProofCheck c = StepChecks.Numeric("sin^2 + cos^2", StepChecks.RandomPoints(1, 5, -3, 3),
    /// x =&gt; Math.Pow(Math.Sin(x), 2) + Math.Pow(Math.Cos(x), 2), x =&gt; 1.0, x =&gt; 1e-12, "1e-12");
    /// </code></example>
    public static ProofCheck Numeric(string what, IReadOnlyList<double> points, Func<double, double> formula, Func<double, double> reference,
        Func<double, double> tolerance, string toleranceText)
    {
        foreach (var p in points)
        {
            double f = formula(p), r = reference(p), tol = tolerance(p);
            if (!(Math.Abs(f - r) <= tol))
                return new ProofCheck(false, $"{what}: at {F(p)} the formula gives {f.ToString("G10", CultureInfo.InvariantCulture)} and the reference {r.ToString("G10", CultureInfo.InvariantCulture)}, beyond {toleranceText}.");
        }
        return new ProofCheck(true, $"{what}, at {string.Join(", ", points.Select(F))}: all within {toleranceText}.");
    }

    /// <summary><paramref name="count"/> seeded uniform points in [lo, hi], rounded to 4 decimals so they print exactly.</summary>
    /// <example><code>IReadOnlyList&lt;double&gt; r = StepChecks.RandomPoints(seed: 7, count: 10, lo: 0.1, hi: 3.0);</code></example>
    public static IReadOnlyList<double> RandomPoints(int seed, int count, double lo, double hi)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Math.Round(lo + (hi - lo) * rng.NextDouble(), 4)).ToList();
    }

    /// <summary>Short invariant formatting for numbers in the documents.</summary>
    /// <example><code>string s = StepChecks.F(Math.PI); // "3.1416"</code></example>
    public static string F(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);
}
