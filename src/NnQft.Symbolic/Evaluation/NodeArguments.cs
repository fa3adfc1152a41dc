// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace NnQft.Symbolic;

/// <summary>
/// The evaluated arguments of one opaque node, passed by value: a callback gets its own copy and can keep it, so no
/// buffer of the compiled code is ever shared, and nothing is allocated per call. For an
/// <see cref="AttentionMoment"/> of n factors the first n values are the tokens and the next n the points.
/// </summary>
/// <example><code>var args = NodeArguments.Of(1.0, 3.0); double point = args[1]; // 3</code></example>
public readonly struct NodeArguments
{
    /// <summary>The most values one node passes.</summary>
    /// <example><code>int most = NodeArguments.Capacity; // 16</code></example>
    public const int Capacity = 16;

    private readonly Values values;

    private NodeArguments(int count, Values values)
    {
        Count = count;
        this.values = values;
    }

    /// <summary>The number of values.</summary>
    /// <example><code>int n = NodeArguments.Of(1.0, 2.0, 3.0).Count; // 3</code></example>
    public int Count { get; }

    /// <summary>The k-th value.</summary>
    /// <example><code>double first = NodeArguments.Of(4.0)[0]; // 4</code></example>
    public double this[int k] => (uint)k < (uint)Count ? values[k] : throw new ArgumentOutOfRangeException(nameof(k), k, $"0..{Count - 1}");

    /// <summary>The values (copied into a new array; for diagnostics and tests).</summary>
    /// <example><code>double[] all = NodeArguments.Of(1.0, 2.0).ToArray();</code></example>
    public double[] ToArray()
    {
        var a = new double[Count];
        for (int k = 0; k < Count; k++) a[k] = values[k];
        return a;
    }

    /// <summary>Arguments from a list of values (at most <see cref="Capacity"/>).</summary>
    /// <example><code>var args = NodeArguments.Of(2.0, 1.0, 5.0);</code></example>
    public static NodeArguments Of(params ReadOnlySpan<double> items)
    {
        if (items.Length > Capacity) throw new ArgumentOutOfRangeException(nameof(items), items.Length, $"at most {Capacity} arguments");
        var v = default(Values);
        for (int k = 0; k < items.Length; k++) v[k] = items[k];
        return new NodeArguments(items.Length, v);
    }

    /// <summary>Used by compiled code: <paramref name="count"/> values (the rest are zero and unused).</summary>
    internal static NodeArguments Create(int count, double v0, double v1, double v2, double v3, double v4, double v5, double v6, double v7, double v8, double v9, double v10, double v11, double v12, double v13, double v14, double v15)
    {
        var v = default(Values);
        v[0] = v0;
        v[1] = v1;
        v[2] = v2;
        v[3] = v3;
        v[4] = v4;
        v[5] = v5;
        v[6] = v6;
        v[7] = v7;
        v[8] = v8;
        v[9] = v9;
        v[10] = v10;
        v[11] = v11;
        v[12] = v12;
        v[13] = v13;
        v[14] = v14;
        v[15] = v15;
        return new NodeArguments(count, v);
    }

    [InlineArray(Capacity)]
    private struct Values
    {
        private double first;
    }
}
