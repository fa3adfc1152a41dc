// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>Short builders for writing formulas by hand (kernel closed forms, test formulas, series inputs).</summary>
/// <example><code>var r = Sym.Var("r"); var matern = Sym.Pow(2, 1 - nu / 2) / Sym.Gamma(nu / 2) * Sym.BesselK(nu / 2, Sym.Sqrt(nu) * r);</code></example>
public static class Sym
{
    /// <summary>A real symbol.</summary>
    public static Symbol Var(string name) => new(name);

    /// <summary>A positive symbol.</summary>
    public static Symbol Positive(string name) => Symbol.Positive(name);

    /// <summary>An exact rational p/q.</summary>
    public static Expr Rational(long p, long q) => Number.Of(p, q);

    /// <summary>a^b.</summary>
    public static Expr Pow(Expr a, Expr b) => Power.Of(a, b);

    /// <summary>sqrt(x) = x^(1/2).</summary>
    public static Expr Sqrt(Expr x) => Power.Of(x, Number.Of(1, 2));

    /// <summary>pi.</summary>
    public static Expr Pi => Constants.Pi;

    /// <summary>exp(x).</summary>
    public static Expr Exp(Expr x) => FunctionCall.Of(FunctionKind.Exp, [x]);

    /// <summary>log(x).</summary>
    public static Expr Log(Expr x) => FunctionCall.Of(FunctionKind.Log, [x]);

    /// <summary>sin(x).</summary>
    public static Expr Sin(Expr x) => FunctionCall.Of(FunctionKind.Sin, [x]);

    /// <summary>cos(x).</summary>
    public static Expr Cos(Expr x) => FunctionCall.Of(FunctionKind.Cos, [x]);

    /// <summary>arcsin(x).</summary>
    public static Expr Arcsin(Expr x) => FunctionCall.Of(FunctionKind.Arcsin, [x]);

    /// <summary>erf(x).</summary>
    public static Expr Erf(Expr x) => FunctionCall.Of(FunctionKind.Erf, [x]);

    /// <summary>Gamma(x).</summary>
    public static Expr Gamma(Expr x) => FunctionCall.Of(FunctionKind.Gamma, [x]);

    /// <summary>|x|.</summary>
    public static Expr Abs(Expr x) => FunctionCall.Of(FunctionKind.Abs, [x]);

    /// <summary>Bessel J_nu(x).</summary>
    public static Expr BesselJ(Expr nu, Expr x) => FunctionCall.Of(FunctionKind.BesselJ, [nu, x]);

    /// <summary>Modified Bessel K_nu(x).</summary>
    public static Expr BesselK(Expr nu, Expr x) => FunctionCall.Of(FunctionKind.BesselK, [nu, x]);
}
