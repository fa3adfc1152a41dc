// SPDX-License-Identifier: MIT
using NnQft.Symbolic;

namespace NnQft.Symbolic.Tests;

/// <summary>Random expressions over x, y, z (seeded), for property tests.</summary>
internal static class RandomExpressions
{
    public static readonly Symbol X = new("x"), Y = new("y"), Z = Symbol.Positive("z");
    public static readonly Symbol[] Variables = [X, Y, Z];

    /// <summary>A random polynomial-like expression with small rational coefficients, integer powers, exp and sin.</summary>
    public static Expr Generate(Random rng, int depth, bool functions = true)
    {
        if (depth == 0 || rng.Next(4) == 0)
            return rng.Next(3) == 0 ? Number.Of(rng.Next(-4, 5), rng.Next(1, 4)) : Variables[rng.Next(Variables.Length)];
        return rng.Next(functions ? 6 : 4) switch
        {
            0 or 1 => Sum.Of(Enumerable.Range(0, rng.Next(2, 4)).Select(_ => Generate(rng, depth - 1, functions))),
            2 => Product.Of(Enumerable.Range(0, rng.Next(2, 4)).Select(_ => Generate(rng, depth - 1, functions))),
            3 => Power.Of(Generate(rng, depth - 1, functions), rng.Next(0, 4)),
            4 => FunctionCall.Exp(Product.Of(Number.Of(1, 2), Generate(rng, depth - 1, false))),
            _ => FunctionCall.Of(FunctionKind.Sin, [Generate(rng, depth - 1, false)]),
        };
    }

    public static Dictionary<string, double> Point(Random rng) => new()
    {
        ["x"] = 2 * rng.NextDouble() - 1,
        ["y"] = 2 * rng.NextDouble() - 1,
        ["z"] = 0.5 + rng.NextDouble(),
    };

    public static double Eval(Expr e, Dictionary<string, double> point) => Evaluator.Evaluate(e, EvaluationEnvironment.OfSymbols(point));

    public static bool Close(double a, double b, double tol = 1e-9) =>
        Math.Abs(a - b) <= tol * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
}
