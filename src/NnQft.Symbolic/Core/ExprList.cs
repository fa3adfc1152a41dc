// SPDX-License-Identifier: MIT
using System.Collections;

namespace NnQft.Symbolic;

/// <summary>
/// An immutable list of expressions with value equality, a cached hash and an allocation-free enumerator
/// (the hot path of canonical construction walks these lists constantly).
/// </summary>
/// <example><code>ExprList list = ExprList.Of([Sym.Var("x"), 1]); // equal to any other list with the same items</code></example>
public sealed class ExprList : IReadOnlyList<Expr>, IEquatable<ExprList>
{
    private readonly Expr[] items;
    private readonly int hash;

    private ExprList(Expr[] items)
    {
        this.items = items;
        var h = new HashCode();
        foreach (var item in items) h.Add(item);
        hash = h.ToHashCode();
    }

    /// <summary>The empty list.</summary>
    /// <example><code>int n = ExprList.Empty.Count; // 0</code></example>
    public static ExprList Empty { get; } = new([]);

    /// <summary>A list holding a copy of <paramref name="items"/>.</summary>
    /// <example><code>ExprList list = ExprList.Of([Sym.Var("x"), Sym.Var("y")]);</code></example>
    public static ExprList Of(IEnumerable<Expr> items) => items switch
    {
        ExprList l => l,
        _ => new ExprList(items.ToArray()),
    };

    /// <summary>A list that takes ownership of <paramref name="items"/> (the caller must not modify it).</summary>
    internal static ExprList Owning(Expr[] items) => new(items);

    /// <inheritdoc />
    public Expr this[int index] => items[index];

    /// <inheritdoc />
    public int Count => items.Length;

    /// <summary>Allocation-free enumeration.</summary>
    /// <example><code>foreach (var item in ExprList.Of([Sym.Var("x")])) Console.WriteLine(item);</code></example>
    public ReadOnlySpan<Expr>.Enumerator GetEnumerator() => new ReadOnlySpan<Expr>(items).GetEnumerator();

    IEnumerator<Expr> IEnumerable<Expr>.GetEnumerator() => ((IEnumerable<Expr>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    /// <summary>The items as a span.</summary>
    /// <example><code>ReadOnlySpan&lt;Expr&gt; items = ExprList.Of([Sym.Var("x")]).AsSpan();</code></example>
    public ReadOnlySpan<Expr> AsSpan() => items;

    /// <inheritdoc />
    public bool Equals(ExprList? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (hash != other.hash || items.Length != other.items.Length) return false;
        for (int i = 0; i < items.Length; i++)
            if (!items[i].Equals(other.items[i])) return false;
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ExprList);

    /// <inheritdoc />
    public override int GetHashCode() => hash;

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", items.Select(TextPrinter.Print)) + "]";
}

/// <summary>Conversions to <see cref="ExprList"/>.</summary>
/// <example><code>ExprList list = new Expr[] { 1, 2 }.ToExprList();</code></example>
public static class ExprListExtensions
{
    /// <summary>The items as an <see cref="ExprList"/>.</summary>
    /// <example><code>ExprList list = Enumerable.Range(1, 3).Select(i =&gt; (Expr)i).ToExprList();</code></example>
    public static ExprList ToExprList(this IEnumerable<Expr> items) => ExprList.Of(items);
}
