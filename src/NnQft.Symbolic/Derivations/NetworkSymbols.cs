// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>The symbols of INTERFACE.md section 4 and the names of the network's random quantities.</summary>
public static class NetworkSymbols
{
    /// <summary>Space dimension d.</summary>
    public static Symbol Dimension { get; } = Symbol.Count("d");
    /// <summary>Number of tokens T.</summary>
    public static Symbol Tokens { get; } = Symbol.Count("T");
    /// <summary>Number of heads N_h.</summary>
    public static Symbol Heads { get; } = Symbol.Count("N_h");
    /// <summary>Number of random features D.</summary>
    public static Symbol Features { get; } = Symbol.Count("D");
    /// <summary>Key width d_k.</summary>
    public static Symbol KeyWidth { get; } = Symbol.Count("d_k");
    /// <summary>Value width d_v.</summary>
    public static Symbol ValueWidth { get; } = Symbol.Count("d_v");
    /// <summary>sigma_Q.</summary>
    public static Symbol SigmaQ { get; } = Symbol.Positive("sigma_Q");
    /// <summary>sigma_K.</summary>
    public static Symbol SigmaK { get; } = Symbol.Positive("sigma_K");
    /// <summary>sigma_V.</summary>
    public static Symbol SigmaV { get; } = Symbol.Positive("sigma_V");
    /// <summary>sigma_a.</summary>
    public static Symbol SigmaA { get; } = Symbol.Positive("sigma_a");
    /// <summary>sigma_b.</summary>
    public static Symbol SigmaB { get; } = Symbol.Positive("sigma_b");

    /// <summary>The point x_n (1-based), argument of G_n(x1, ..., xn).</summary>
    public static Symbol Point(int n) => new("x" + n);

    /// <summary>The points x1..xn.</summary>
    public static IReadOnlyList<Symbol> Points(int n) => Enumerable.Range(1, n).Select(Point).ToList();

    /// <summary>Readout weights a_{h,i}.</summary>
    public const string Readout = "a";
    /// <summary>Values v_{h,t,i}(x).</summary>
    public const string Values = "v";
    /// <summary>Head outputs y_{h,i}(x) = sum_t A_{h,t}(x) v_{h,t,i}(x).</summary>
    public const string HeadOutput = "y";
    /// <summary>The bias beta (named <c>b</c>: SymPy reserves beta).</summary>
    public const string Bias = "b";
    /// <summary>Attention weights A_{h,t}(x).</summary>
    public const string Attention = "A";
    /// <summary>Grams G_{h,t,u}(x, y) = h_t(x) . h_u(y).</summary>
    public const string Gram = "G";
    /// <summary>Conditional covariance c_h(x, y) = E[y_{h,i}(x) y_{h,i}(y) | A, G].</summary>
    public const string ConditionalCovariance = "c";

    /// <summary>The token kernel k_t(a, b).</summary>
    public static Kernel TokenKernel(Expr token, Expr a, Expr b) => Kernel.Of(token, a, b);

    /// <summary>c(x, y) without a head index (after heads have been reduced), symmetric in its points.</summary>
    public static RandomVariable C(Expr a, Expr b) => RandomVariable.Symmetric(ConditionalCovariance, [], [a, b]);

    /// <summary>c_h(x, y) of head h.</summary>
    public static RandomVariable C(Expr head, Expr a, Expr b) => RandomVariable.Symmetric(ConditionalCovariance, [head], [a, b]);

    /// <summary>A_t(x) without a head index.</summary>
    public static RandomVariable A(Expr token, Expr x) => RandomVariable.Of(Attention, [token], [x]);

    /// <summary>G_tu(x, y) without a head index.</summary>
    public static RandomVariable G(Expr t, Expr u, Expr x, Expr y) => RandomVariable.Of(Gram, [t, u], [x, y]);
}
