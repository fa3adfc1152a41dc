// SPDX-License-Identifier: MIT
using NnQft.Model;

namespace NnQft.Symbolic;

/// <summary>
/// The values an architecture gives the network symbols of docs/cli.md section 4 (d, T, N_h, D, d_k, d_v and the
/// sigmas; an infinite width is <see cref="double.PositiveInfinity"/>). Compiled expressions take the parameters in
/// the caller's order: list the points first, say, then <see cref="Parameters"/>, and fill the tail with <see cref="Fill"/>.
/// </summary>
/// <example><code>
/// var binding = NetworkBinding.Of(Architecture.Default);
/// double heads = binding.ValueOf(NetworkSymbols.Heads); // 1
/// </code></example>
public sealed class NetworkBinding
{
    private readonly double[] values;

    private NetworkBinding(double[] values) => this.values = values;

    /// <summary>The network symbols, in the order of <see cref="Fill"/>.</summary>
    /// <example><code>int n = NetworkBinding.Parameters.Count; // 11</code></example>
    public static IReadOnlyList<Symbol> Parameters { get; } =
    [
        NetworkSymbols.Dimension, NetworkSymbols.Tokens, NetworkSymbols.Heads, NetworkSymbols.Features, NetworkSymbols.KeyWidth,
        NetworkSymbols.ValueWidth, NetworkSymbols.SigmaQ, NetworkSymbols.SigmaK, NetworkSymbols.SigmaV, NetworkSymbols.SigmaA,
        NetworkSymbols.SigmaB,
    ];

    /// <summary>The binding of <paramref name="architecture"/>.</summary>
    /// <example><code>var binding = NetworkBinding.Of(Architecture.Default with { Heads = 4 });</code></example>
    public static NetworkBinding Of(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        static double Of(Width w) => w.IsInfinite ? double.PositiveInfinity : w.Value;
        return new NetworkBinding(
        [
            architecture.Dimension, architecture.Tokens, architecture.Heads, Of(architecture.Features), Of(architecture.KeyWidth),
            Of(architecture.ValueWidth), architecture.SigmaQ, architecture.SigmaK, architecture.SigmaV, architecture.SigmaA,
            architecture.SigmaB,
        ]);
    }

    /// <summary>True when <paramref name="symbol"/> is a network symbol.</summary>
    /// <example><code>bool bound = NetworkBinding.Binds(NetworkSymbols.SigmaA); // true</code></example>
    public static bool Binds(Symbol symbol) => IndexOf(symbol) >= 0;

    /// <summary>The value of a network symbol.</summary>
    /// <example><code>double dv = NetworkBinding.Of(Architecture.Default).ValueOf(NetworkSymbols.ValueWidth); // 256</code></example>
    public double ValueOf(Symbol symbol)
    {
        int k = IndexOf(symbol);
        return k >= 0 ? values[k] : throw new ArgumentException($"{symbol.Name} is not a network symbol (one of {string.Join(", ", Parameters.Select(p => p.Name))})", nameof(symbol));
    }

    /// <summary>Writes the values of <see cref="Parameters"/>, in that order, to <paramref name="destination"/>.</summary>
    /// <example><code>var values = new double[NetworkBinding.Parameters.Count]; NetworkBinding.Of(Architecture.Default).Fill(values);</code></example>
    public void Fill(Span<double> destination) => values.CopyTo(destination);

    private static int IndexOf(Symbol symbol)
    {
        for (int k = 0; k < Parameters.Count; k++)
            if (Parameters[k].Equals(symbol)) return k;
        return -1;
    }
}
