// SPDX-License-Identifier: MIT
using MathNet.Numerics;

namespace NnQft.Symbolic;

/// <summary>Numeric values of the known functions, shared by the interpreter and the compiler.</summary>
/// <example><code>double g = NumericFunctions.Evaluate1(FunctionKind.Gamma, 0.5); // ~1.7724538509: sqrt(pi)</code></example>
public static class NumericFunctions
{
    /// <summary>f(args) for a known function.</summary>
    /// <example><code>double k = NumericFunctions.Evaluate(FunctionKind.BesselK, [1.5, 2.0]);</code></example>
    public static double Evaluate(FunctionKind kind, double[] a) => kind switch
    {
        FunctionKind.Exp => Math.Exp(a[0]),
        FunctionKind.Log => Math.Log(a[0]),
        FunctionKind.Sin => Math.Sin(a[0]),
        FunctionKind.Cos => Math.Cos(a[0]),
        FunctionKind.Arcsin => Math.Asin(a[0]),
        FunctionKind.Erf => SpecialFunctions.Erf(a[0]),
        FunctionKind.Gamma => SpecialFunctions.Gamma(a[0]),
        FunctionKind.Abs => Math.Abs(a[0]),
        FunctionKind.BesselJ => SpecialFunctions.BesselJ(a[0], a[1]),
        FunctionKind.BesselK => SpecialFunctions.BesselK(a[0], a[1]),
        _ => throw new NotSupportedException(kind.ToString()),
    };

    /// <summary>One-argument form used by compiled code.</summary>
    /// <example><code>double e = NumericFunctions.Evaluate1(FunctionKind.Erf, 1.0);</code></example>
    public static double Evaluate1(FunctionKind kind, double x) => Evaluate(kind, [x]);

    /// <summary>Two-argument form used by compiled code.</summary>
    /// <example><code>double j = NumericFunctions.Evaluate2(FunctionKind.BesselJ, 0, 1.0);</code></example>
    public static double Evaluate2(FunctionKind kind, double x, double y) => Evaluate(kind, [x, y]);
}
