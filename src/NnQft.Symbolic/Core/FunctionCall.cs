// SPDX-License-Identifier: MIT

namespace NnQft.Symbolic;

/// <summary>The elementary and special functions the engine knows (derivatives, series, numeric values).</summary>
/// <example><code>Expr e = FunctionCall.Of(FunctionKind.Erf, [Sym.Var("x")]);</code></example>
public enum FunctionKind
{
    /// <summary>exp(x).</summary>
    Exp,
    /// <summary>Natural logarithm.</summary>
    Log,
    /// <summary>sin(x).</summary>
    Sin,
    /// <summary>cos(x).</summary>
    Cos,
    /// <summary>arcsin(x).</summary>
    Arcsin,
    /// <summary>The error function.</summary>
    Erf,
    /// <summary>The Gamma function.</summary>
    Gamma,
    /// <summary>|x|.</summary>
    Abs,
    /// <summary>Bessel J_nu(x), arguments (nu, x).</summary>
    BesselJ,
    /// <summary>Modified Bessel K_nu(x), arguments (nu, x).</summary>
    BesselK,
}

/// <summary>A known function applied to arguments, with exact values folded at construction (exp(0) = 1, Gamma(n) = (n-1)!, ...).</summary>
/// <example><code>Expr e = FunctionCall.Of(FunctionKind.Cos, [Sym.Var("x")]); // same as Sym.Cos(x)</code></example>
public sealed record FunctionCall : Expr
{
    private readonly bool random;

    /// <inheritdoc />
    public override bool IsRandom => random;

    private FunctionCall(FunctionKind kind, ExprList args)
    {
        Kind = kind;
        Args = args;
        random = args.Any(f => f.IsRandom);
        SymbolMask = MaskOf(args);
    }

    /// <summary>Which function.</summary>
    /// <example><code>FunctionKind kind = ((FunctionCall)Sym.Sin(Sym.Var("x"))).Kind; // Sin</code></example>
    public FunctionKind Kind { get; }

    /// <summary>The arguments (two for the Bessel functions: order, then argument).</summary>
    /// <example><code>Expr nu = ((FunctionCall)Sym.BesselK(Sym.Var("nu"), Sym.Var("x"))).Args[0];</code></example>
    public ExprList Args { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => Args;

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => Of(Kind, children);

    /// <summary>The canonical application.</summary>
    /// <example><code>Expr e = FunctionCall.Of(FunctionKind.BesselJ, [1, Sym.Var("x")]);</code></example>
    public static Expr Of(FunctionKind kind, IReadOnlyList<Expr> args)
    {
        int arity = kind is FunctionKind.BesselJ or FunctionKind.BesselK ? 2 : 1;
        if (args.Count != arity) throw new ArgumentException($"{kind} takes {arity} argument(s), got {args.Count}", nameof(args));
        var x = args[arity - 1];
        switch (kind)
        {
            case FunctionKind.Exp when x is Number { IsZero: true }: return Number.One;
            case FunctionKind.Exp when x is FunctionCall { Kind: FunctionKind.Log } l: return l.Args[0];
            case FunctionKind.Log when x is Number { IsOne: true }: return Number.Zero;
            case FunctionKind.Log when x is FunctionCall { Kind: FunctionKind.Exp } ex: return ex.Args[0];
            case FunctionKind.Sin or FunctionKind.Arcsin or FunctionKind.Erf when x is Number { IsZero: true }: return Number.Zero;
            case FunctionKind.Cos when x is Number { IsZero: true }: return Number.One;
            case FunctionKind.Abs when x is Number n: return n.Numerator.Sign < 0 ? Product.Of(Number.MinusOne, n) : n;
            case FunctionKind.Abs when Assumptions.IsPositive(x): return x;
            case FunctionKind.Gamma when x is Number { IsInteger: true } g && g.Numerator.Sign > 0 && g.Numerator <= 200:
                return Number.Of(Factorial((int)g.Numerator - 1));
            case FunctionKind.Gamma when x is Number { Denominator.IsOne: false } h && h.Denominator == 2 && h.Numerator.Sign > 0 && h.Numerator < 400:
                // Gamma(n + 1/2) = (2n)! / (4^n n!) sqrt(pi), exact up to the transcendental sqrt(pi).
                int m = (int)(h.Numerator - 1) / 2;
                return Product.Of(Number.Of(Factorial(2 * m), System.Numerics.BigInteger.Pow(4, m) * Factorial(m)), Power.Of(Constants.Pi, Number.Of(1, 2)));
        }
        return new FunctionCall(kind, args.ToExprList());
    }

    private static System.Numerics.BigInteger Factorial(int n)
    {
        System.Numerics.BigInteger f = 1;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }

    /// <summary>exp(x).</summary>
    /// <example><code>Expr e = FunctionCall.Exp(-Sym.Var("r"));</code></example>
    public static Expr Exp(Expr x) => Of(FunctionKind.Exp, [x]);

    /// <summary>log(x).</summary>
    /// <example><code>Expr e = FunctionCall.Log(Sym.Positive("T"));</code></example>
    public static Expr Log(Expr x) => Of(FunctionKind.Log, [x]);
}

/// <summary>Named mathematical constants (typed leaves, see <see cref="MathConstant"/>).</summary>
/// <example><code>Expr area = Constants.Pi * Expr.Pow(Sym.Var("r"), 2);</code></example>
public static class Constants
{
    /// <summary>pi.</summary>
    /// <example><code>Expr circumference = 2 * Constants.Pi * Sym.Var("r");</code></example>
    public static MathConstant Pi => MathConstant.Pi;
}
