// SPDX-License-Identifier: MIT
using System.Globalization;

namespace NnQft.Model;

/// <summary>
/// A layer width: a positive integer or infinity (the Gaussian-process limit of docs/theory.md section 2).
/// </summary>
/// <example><code>var dk = Width.Of(256); var dv = Width.Infinite; double eps = dv.Reciprocal; // 0</code></example>
public readonly record struct Width
{
    private readonly int value;

    private Width(int value) => this.value = value;

    /// <summary>The infinite width.</summary>
    /// <example><code>var arch = Architecture.Default with { ValueWidth = Width.Infinite };</code></example>
    public static Width Infinite => new(0);

    /// <summary>A finite width; <paramref name="n"/> must be at least 1.</summary>
    /// <example><code>var arch = Architecture.Default with { KeyWidth = Width.Of(64) };</code></example>
    public static Width Of(int n) =>
        n >= 1 ? new Width(n) : throw new ArgumentOutOfRangeException(nameof(n), n, "a width is at least 1");

    /// <summary>True for the infinite width.</summary>
    /// <example><code>bool gp = Width.Infinite.IsInfinite; // true</code></example>
    public bool IsInfinite => value == 0;

    /// <summary>True for a finite width.</summary>
    /// <example><code>bool finite = Width.Of(8).IsFinite; // true</code></example>
    public bool IsFinite => value != 0;

    /// <summary>The finite value; throws for the infinite width.</summary>
    /// <example><code>int n = Width.Of(8).Value; // 8</code></example>
    public int Value => IsFinite ? value : throw new InvalidOperationException("the width is infinite");

    /// <summary>1/width, and 0 for the infinite width.</summary>
    /// <example><code>double eps = Width.Of(4).Reciprocal; // 0.25</code></example>
    public double Reciprocal => IsFinite ? 1.0 / value : 0.0;

    /// <inheritdoc />
    public override string ToString() => IsFinite ? value.ToString(CultureInfo.InvariantCulture) : "inf";
}
