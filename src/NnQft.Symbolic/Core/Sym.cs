// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>Short builders for writing formulas by hand (kernel closed forms, test formulas, series inputs).</summary>
/// <example><code>var r = Sym.Var("r"); Expr nu = 3; var matern = Sym.Pow(2, 1 - nu / 2) / Sym.Gamma(nu / 2) * Sym.BesselK(nu / 2, Sym.Sqrt(nu) * r);</code></example>
public static class Sym
{
    /// <summary>A real symbol.</summary>
    /// <example><code>Symbol x = Sym.Var("x");</code></example>
    public static Symbol Var(string name) => new(name);

    /// <summary>A positive symbol.</summary>
    /// <example><code>Symbol l = Sym.Positive("l"); // sqrt(l^2) simplifies to l</code></example>
    public static Symbol Positive(string name) => Symbol.Positive(name);

    /// <summary>An exact rational p/q.</summary>
    /// <example><code>Expr half = Sym.Rational(1, 2);</code></example>
    public static Expr Rational(long p, long q) => Number.Of(p, q);

    /// <summary>a^b.</summary>
    /// <example><code>Expr e = Sym.Pow(Sym.Var("x"), Sym.Rational(3, 2));</code></example>
    public static Expr Pow(Expr a, Expr b) => Power.Of(a, b);

    /// <summary>sqrt(x) = x^(1/2).</summary>
    /// <example><code>Expr e = Sym.Sqrt(2 * Sym.Var("nu"));</code></example>
    public static Expr Sqrt(Expr x) => Power.Of(x, Number.Of(1, 2));

    /// <summary>pi.</summary>
    /// <example><code>Expr e = Sym.Sqrt(Sym.Pi);</code></example>
    public static Expr Pi => Constants.Pi;

    /// <summary>exp(x).</summary>
    /// <example><code>Expr gauss = Sym.Exp(-Expr.Pow(Sym.Var("r"), 2) / 2);</code></example>
    public static Expr Exp(Expr x) => FunctionCall.Of(FunctionKind.Exp, [x]);

    /// <summary>log(x).</summary>
    /// <example><code>Expr e = Sym.Log(Sym.Var("T"));</code></example>
    public static Expr Log(Expr x) => FunctionCall.Of(FunctionKind.Log, [x]);

    /// <summary>sin(x).</summary>
    /// <example><code>Expr e = Sym.Sin(Sym.Var("x"));</code></example>
    public static Expr Sin(Expr x) => FunctionCall.Of(FunctionKind.Sin, [x]);

    /// <summary>cos(x).</summary>
    /// <example><code>Expr e = Sym.Cos(Sym.Var("w") * Sym.Var("r"));</code></example>
    public static Expr Cos(Expr x) => FunctionCall.Of(FunctionKind.Cos, [x]);

    /// <summary>arcsin(x).</summary>
    /// <example><code>Expr e = Sym.Arcsin(Sym.Var("rho"));</code></example>
    public static Expr Arcsin(Expr x) => FunctionCall.Of(FunctionKind.Arcsin, [x]);

    /// <summary>erf(x).</summary>
    /// <example><code>Expr e = Sym.Erf(Sym.Var("x") / Sym.Sqrt(2));</code></example>
    public static Expr Erf(Expr x) => FunctionCall.Of(FunctionKind.Erf, [x]);

    /// <summary>Gamma(x).</summary>
    /// <example><code>Expr e = Sym.Gamma(Sym.Rational(1, 2)); // sqrt(pi), numerically</code></example>
    public static Expr Gamma(Expr x) => FunctionCall.Of(FunctionKind.Gamma, [x]);

    /// <summary>|x|.</summary>
    /// <example><code>Expr e = Sym.Abs(Sym.Var("x"));</code></example>
    public static Expr Abs(Expr x) => FunctionCall.Of(FunctionKind.Abs, [x]);

    /// <summary>Bessel J_nu(x).</summary>
    /// <example><code>Expr e = Sym.BesselJ(1, Sym.Var("r"));</code></example>
    public static Expr BesselJ(Expr nu, Expr x) => FunctionCall.Of(FunctionKind.BesselJ, [nu, x]);

    /// <summary>Modified Bessel K_nu(x).</summary>
    /// <example><code>Expr e = Sym.BesselK(Sym.Rational(3, 2), Sym.Var("r"));</code></example>
    public static Expr BesselK(Expr nu, Expr x) => FunctionCall.Of(FunctionKind.BesselK, [nu, x]);
}
