// SPDX-License-Identifier: MIT
using System.Collections;
using System.Collections.Immutable;

namespace NnQft.Model;

/// <summary>
/// An immutable list with value equality and a cached hash, so records holding lists compare by content.
/// </summary>
/// <example><code>var a = EquatableList.Create(1, 2); var b = EquatableList.Create(1, 2); bool same = a == b; // true</code></example>
public sealed class EquatableList<T> : IReadOnlyList<T>, IEquatable<EquatableList<T>>
{
    private readonly ImmutableArray<T> items;
    private readonly int hash;

    /// <summary>Wraps a copy of <paramref name="items"/>.</summary>
    /// <example><code>var list = new EquatableList&lt;int&gt;([1, 2, 3]);</code></example>
    public EquatableList(IEnumerable<T> items)
    {
        this.items = items.ToImmutableArray();
        var h = new HashCode();
        foreach (var item in this.items) h.Add(item);
        hash = h.ToHashCode();
    }

    /// <summary>The empty list.</summary>
    /// <example><code>int none = EquatableList&lt;TokenOverride&gt;.Empty.Count; // 0</code></example>
    public static EquatableList<T> Empty { get; } = new(Array.Empty<T>());

    /// <inheritdoc />
    public T this[int index] => items[index];

    /// <inheritdoc />
    public int Count => items.Length;

    /// <summary>The items as an immutable array.</summary>
    /// <example><code>ImmutableArray&lt;int&gt; items = EquatableList.Create(1, 2).AsImmutableArray();</code></example>
    public ImmutableArray<T> AsImmutableArray() => items;

    /// <inheritdoc />
    public bool Equals(EquatableList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || (hash == other.hash && items.SequenceEqual(other.items)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EquatableList<T>);

    /// <inheritdoc />
    public override int GetHashCode() => hash;

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Value equality.</summary>
    public static bool operator ==(EquatableList<T>? a, EquatableList<T>? b) => a?.Equals(b) ?? b is null;

    /// <summary>Value inequality.</summary>
    public static bool operator !=(EquatableList<T>? a, EquatableList<T>? b) => !(a == b);

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", items) + "]";
}

/// <summary>Factory helpers for <see cref="EquatableList{T}"/>.</summary>
/// <example><code>var overrides = EquatableList.Create(new TokenOverride(0, new CauchyDensity(1.0)));</code></example>
public static class EquatableList
{
    /// <summary>A list of the given items.</summary>
    /// <example><code>var list = EquatableList.Create(1.0, 2.0);</code></example>
    public static EquatableList<T> Create<T>(params T[] items) => new(items);

    /// <summary>A list of the given items.</summary>
    /// <example><code>EquatableList&lt;int&gt; squares = Enumerable.Range(1, 3).Select(i =&gt; i * i).ToEquatableList();</code></example>
    public static EquatableList<T> ToEquatableList<T>(this IEnumerable<T> items) => new(items);
}
