// SPDX-License-Identifier: MIT
using MathNet.Numerics;

namespace NnQft.Symbolic;

/// <summary>Numeric values of the known functions, shared by the interpreter and the compiler.</summary>
/// <example><code>double g = NumericFunctions.Evaluate1(FunctionKind.Gamma, 0.5); // ~1.7724538509: sqrt(pi)</code></example>
public static class NumericFunctions
{
    /// <summary>f(args) for a known function.</summary>
    /// <example><code>double k = NumericFunctions.Evaluate(FunctionKind.BesselK, [1.5, 2.0]);</code></example>
    public static double Evaluate(FunctionKind kind, double[] a) =>
        kind is FunctionKind.BesselJ or FunctionKind.BesselK ? Evaluate2(kind, a[0], a[1]) : Evaluate1(kind, a[0]);

    /// <summary>One-argument form used by compiled code.</summary>
    /// <example><code>double e = NumericFunctions.Evaluate1(FunctionKind.Erf, 1.0);</code></example>
    public static double Evaluate1(FunctionKind kind, double x) => kind switch
    {
        FunctionKind.Exp => Math.Exp(x),
        FunctionKind.Log => Math.Log(x),
        FunctionKind.Sin => Math.Sin(x),
        FunctionKind.Cos => Math.Cos(x),
        FunctionKind.Arcsin => Math.Asin(x),
        FunctionKind.Erf => SpecialFunctions.Erf(x),
        FunctionKind.Gamma => SpecialFunctions.Gamma(x),
        FunctionKind.Abs => Math.Abs(x),
        _ => throw new NotSupportedException($"{kind} takes two arguments"),
    };

    /// <summary>Two-argument form used by compiled code.</summary>
    /// <example><code>double j = NumericFunctions.Evaluate2(FunctionKind.BesselJ, 0, 1.0);</code></example>
    public static double Evaluate2(FunctionKind kind, double x, double y) => kind switch
    {
        FunctionKind.BesselJ => SpecialFunctions.BesselJ(x, y),
        FunctionKind.BesselK => SpecialFunctions.BesselK(x, y),
        _ => throw new NotSupportedException($"{kind} takes one argument"),
    };
}
