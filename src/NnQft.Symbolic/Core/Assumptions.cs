// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>What simplification may assume about an expression's sign and integrality.</summary>
/// <example><code>bool positive = Assumptions.IsPositive(Sym.Positive("l") * Sym.Positive("m")); // true</code></example>
public static class Assumptions
{
    /// <summary>True when the expression is provably positive (positive symbols, positive numbers, their products and powers, exp).</summary>
    /// <example><code>bool positive = Assumptions.IsPositive(Sym.Exp(Sym.Var("x"))); // true</code></example>
    public static bool IsPositive(Expr e) => e switch
    {
        Number n => n.Numerator.Sign > 0,
        Symbol s => s.IsPositive,
        MathConstant => true,
        Product p => p.Coefficient.Numerator.Sign > 0 && p.Factors.All(IsPositive),
        Power pw => IsPositive(pw.Base) || pw.Exponent is Number { IsInteger: true } n2 && n2.Numerator.IsEven && IsNonZeroReal(pw.Base),
        Sum s => s.Terms.All(IsPositive),
        FunctionCall { Kind: FunctionKind.Exp } => true,
        _ => false,
    };

    private static bool IsNonZeroReal(Expr e) => IsPositive(e);

    /// <summary>True when the expression is provably an integer.</summary>
    /// <example><code>bool integer = Assumptions.IsInteger(Symbol.Count("T") + 1); // true</code></example>
    public static bool IsInteger(Expr e) => e switch
    {
        Number n => n.IsInteger,
        Symbol s => s.IsInteger,
        Sum s => s.Terms.All(IsInteger),
        Product p => p.Coefficient.IsInteger && p.Factors.All(IsInteger),
        _ => false,
    };
}
