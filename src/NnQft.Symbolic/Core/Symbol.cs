// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// A named scalar with its assumptions (positive, integer), which simplification and numeric checks use. Equality
/// compares the name and the assumptions: were it by name only, <c>l + l'</c> for a positive and a plain <c>l</c>
/// would merge into whichever came first, and what simplification may assume would depend on construction order.
/// </summary>
/// <example><code>var x = new Symbol("x"); var T = Symbol.Count("T"); Expr e = T * x;</code></example>
public sealed record Symbol : Expr
{
    /// <summary>A symbol with the given assumptions.</summary>
    /// <example><code>var l = new Symbol("l", IsPositive: true);</code></example>
    public Symbol(string Name, bool IsPositive = false, bool IsInteger = false)
    {
        this.Name = Name;
        this.IsPositive = IsPositive;
        this.IsInteger = IsInteger;
        SymbolMask = MaskBit(Name);
    }

    /// <summary>The name.</summary>
    /// <example><code>string name = Sym.Var("sigma_a").Name; // "sigma_a"</code></example>
    public string Name { get; init => (field, SymbolMask) = (value, MaskBit(value)); }

    /// <summary>Assumed positive (and real).</summary>
    /// <example><code>bool positive = Symbol.Positive("l").IsPositive; // true</code></example>
    public bool IsPositive { get; init; }

    /// <summary>Assumed an integer.</summary>
    /// <example><code>bool integer = Symbol.Index("i").IsInteger; // true</code></example>
    public bool IsInteger { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [];

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => this;

    /// <inheritdoc />
    public override bool IsRandom => false;

    /// <inheritdoc />
    public bool Equals(Symbol? other) =>
        other is not null && Name == other.Name && IsPositive == other.IsPositive && IsInteger == other.IsInteger;

    /// <inheritdoc />
    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);

    /// <summary>A positive real symbol (a width, a standard deviation).</summary>
    /// <example><code>Symbol l = Symbol.Positive("l");</code></example>
    public static Symbol Positive(string name) => new(name, IsPositive: true);

    /// <summary>A positive integer symbol (a count: T, N_h, d_v).</summary>
    /// <example><code>Symbol heads = Symbol.Count("N_h"); // positive integer</code></example>
    public static Symbol Count(string name) => new(name, IsPositive: true, IsInteger: true);

    /// <summary>An integer index symbol (bound by index sums).</summary>
    /// <example><code>Symbol i = Symbol.Index("i"); // a summation index</code></example>
    public static Symbol Index(string name) => new(name, IsInteger: true);
}
