// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>The named mathematical constants the engine knows.</summary>
/// <example><code>ConstantKind kind = ConstantKind.Pi;</code></example>
public enum ConstantKind
{
    /// <summary>pi = 3.14159...</summary>
    Pi,
}

/// <summary>
/// A transcendental constant: a leaf with a known value, positive, free of symbols (so no substitution, derivative
/// or random numeric check treats it as a variable). It sorts and prints like a symbol of its name.
/// </summary>
/// <example><code>Expr halfTurn = MathConstant.Pi; double v = MathConstant.Pi.Value; // ~3.14159</code></example>
public sealed record MathConstant : Expr
{
    private MathConstant(ConstantKind kind) => Kind = kind;

    /// <summary>pi.</summary>
    /// <example><code>Expr circumference = 2 * MathConstant.Pi * Sym.Var("r");</code></example>
    public static MathConstant Pi { get; } = new(ConstantKind.Pi);

    /// <summary>Which constant.</summary>
    /// <example><code>ConstantKind kind = MathConstant.Pi.Kind; // ConstantKind.Pi</code></example>
    public ConstantKind Kind { get; }

    /// <summary>The name used by the text and SymPy printers ("pi").</summary>
    /// <example><code>string name = MathConstant.Pi.Name; // "pi"</code></example>
    public string Name => Kind switch
    {
        ConstantKind.Pi => "pi",
        _ => throw new NotSupportedException(Kind.ToString()),
    };

    /// <summary>The numeric value.</summary>
    /// <example><code>double v = MathConstant.Pi.Value; // Math.PI</code></example>
    public double Value => Kind switch
    {
        ConstantKind.Pi => Math.PI,
        _ => throw new NotSupportedException(Kind.ToString()),
    };

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [];

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => this;

    /// <inheritdoc />
    public override bool IsRandom => false;
}
