// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>The symbols of docs/cli.md section 4 and the names of the network's random quantities.</summary>
/// <example><code>Expr prefactor = NetworkSymbols.Heads * Expr.Pow(NetworkSymbols.SigmaA, 2) / NetworkSymbols.ValueWidth;</code></example>
public static class NetworkSymbols
{
    /// <summary>Space dimension d.</summary>
    /// <example><code>Expr d = NetworkSymbols.Dimension;</code></example>
    public static Symbol Dimension { get; } = Symbol.Count("d");
    /// <summary>Number of tokens T.</summary>
    /// <example><code>Expr t = NetworkSymbols.Tokens; // "T"</code></example>
    public static Symbol Tokens { get; } = Symbol.Count("T");
    /// <summary>Number of heads N_h.</summary>
    /// <example><code>Expr nh = NetworkSymbols.Heads; // "N_h"</code></example>
    public static Symbol Heads { get; } = Symbol.Count("N_h");
    /// <summary>Number of random features D.</summary>
    /// <example><code>Expr eps = 1 / NetworkSymbols.Features; // "1/D"</code></example>
    public static Symbol Features { get; } = Symbol.Count("D");
    /// <summary>Key width d_k.</summary>
    /// <example><code>Expr scale = 1 / Sym.Sqrt(NetworkSymbols.KeyWidth);</code></example>
    public static Symbol KeyWidth { get; } = Symbol.Count("d_k");
    /// <summary>Value width d_v.</summary>
    /// <example><code>Expr leading = WidthLimit.LeadingOrder(1 + 1 / NetworkSymbols.ValueWidth, NetworkSymbols.ValueWidth); // 1</code></example>
    public static Symbol ValueWidth { get; } = Symbol.Count("d_v");
    /// <summary>sigma_Q.</summary>
    /// <example><code>Expr s = NetworkSymbols.SigmaQ * NetworkSymbols.SigmaK;</code></example>
    public static Symbol SigmaQ { get; } = Symbol.Positive("sigma_Q");
    /// <summary>sigma_K.</summary>
    /// <example><code>Expr s2 = Expr.Pow(NetworkSymbols.SigmaK, 2);</code></example>
    public static Symbol SigmaK { get; } = Symbol.Positive("sigma_K");
    /// <summary>sigma_V.</summary>
    /// <example><code>Expr s2 = Expr.Pow(NetworkSymbols.SigmaV, 2);</code></example>
    public static Symbol SigmaV { get; } = Symbol.Positive("sigma_V");
    /// <summary>sigma_a.</summary>
    /// <example><code>Expr s2 = Expr.Pow(NetworkSymbols.SigmaA, 2);</code></example>
    public static Symbol SigmaA { get; } = Symbol.Positive("sigma_a");
    /// <summary>sigma_b.</summary>
    /// <example><code>Expr s2 = Expr.Pow(NetworkSymbols.SigmaB, 2);</code></example>
    public static Symbol SigmaB { get; } = Symbol.Positive("sigma_b");

    /// <summary>The point x_n (1-based), argument of G_n(x1, ..., xn).</summary>
    /// <example><code>Symbol x1 = NetworkSymbols.Point(1); // "x1"</code></example>
    public static Symbol Point(int n) => new("x" + n);

    /// <summary>The points x1..xn.</summary>
    /// <example><code>IReadOnlyList&lt;Symbol&gt; xs = NetworkSymbols.Points(4); // x1..x4</code></example>
    public static IReadOnlyList<Symbol> Points(int n) => Enumerable.Range(1, n).Select(Point).ToList();

    /// <summary>Readout weights a_{h,i}.</summary>
    /// <example><code>var a = RandomVariable.Of(NetworkSymbols.Readout, [1, 1], []); // "a_{1,1}"</code></example>
    public const string Readout = "a";
    /// <summary>Values v_{h,t,i}(x).</summary>
    /// <example><code>var v = RandomVariable.Of(NetworkSymbols.Values, [1, 1, 1], [Sym.Var("x1")]);</code></example>
    public const string Values = "v";
    /// <summary>Head outputs y_{h,i}(x) = sum_t A_{h,t}(x) v_{h,t,i}(x).</summary>
    /// <example><code>var y = RandomVariable.Of(NetworkSymbols.HeadOutput, [1, 1], [Sym.Var("x1")]);</code></example>
    public const string HeadOutput = "y";
    /// <summary>The bias beta (named <c>b</c>: SymPy reserves beta).</summary>
    /// <example><code>var b = RandomVariable.Of(NetworkSymbols.Bias, [], []);</code></example>
    public const string Bias = "b";
    /// <summary>Attention weights A_{h,t}(x).</summary>
    /// <example><code>bool isA = NetworkSymbols.A(1, Sym.Var("x1")).Name == NetworkSymbols.Attention; // true</code></example>
    public const string Attention = "A";
    /// <summary>Grams G_{h,t,u}(x, y) = h_t(x) . h_u(y).</summary>
    /// <example><code>bool isG = NetworkSymbols.G(1, 2, Sym.Var("x1"), Sym.Var("x2")).Name == NetworkSymbols.Gram; // true</code></example>
    public const string Gram = "G";
    /// <summary>Conditional covariance c_h(x, y) = E[y_{h,i}(x) y_{h,i}(y) | A, G].</summary>
    /// <example><code>bool isC = NetworkSymbols.C(Sym.Var("x1"), Sym.Var("x2")).Name == NetworkSymbols.ConditionalCovariance; // true</code></example>
    public const string ConditionalCovariance = "c";

    /// <summary>The token kernel k_t(a, b).</summary>
    /// <example><code>Kernel k = NetworkSymbols.TokenKernel(1, NetworkSymbols.Point(1), NetworkSymbols.Point(2)); // "k1(x1, x2)"</code></example>
    public static Kernel TokenKernel(Expr token, Expr a, Expr b) => Kernel.Of(token, a, b);

    /// <summary>c(x, y) without a head index (after heads have been reduced), symmetric in its points.</summary>
    /// <example><code>RandomVariable c = NetworkSymbols.C(NetworkSymbols.Point(1), NetworkSymbols.Point(2)); // "c(x1, x2)"</code></example>
    public static RandomVariable C(Expr a, Expr b) => RandomVariable.Symmetric(ConditionalCovariance, [], [a, b]);

    /// <summary>c_h(x, y) of head h.</summary>
    /// <example><code>RandomVariable c = NetworkSymbols.C(Symbol.Index("h"), NetworkSymbols.Point(1), NetworkSymbols.Point(2)); // "c_{h}(x1, x2)"</code></example>
    public static RandomVariable C(Expr head, Expr a, Expr b) => RandomVariable.Symmetric(ConditionalCovariance, [head], [a, b]);

    /// <summary>A_t(x) without a head index.</summary>
    /// <example><code>RandomVariable a = NetworkSymbols.A(Symbol.Index("t"), NetworkSymbols.Point(1)); // "A_{t}(x1)"</code></example>
    public static RandomVariable A(Expr token, Expr x) => RandomVariable.Of(Attention, [token], [x]);

    /// <summary>G_tu(x, y) without a head index.</summary>
    /// <example><code>RandomVariable g = NetworkSymbols.G(1, 2, NetworkSymbols.Point(1), NetworkSymbols.Point(2)); // "G_{1,2}(x1, x2)"</code></example>
    public static RandomVariable G(Expr t, Expr u, Expr x, Expr y) => RandomVariable.Of(Gram, [t, u], [x, y]);
}
