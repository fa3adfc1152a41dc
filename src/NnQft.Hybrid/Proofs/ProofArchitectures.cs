// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Symbolic;
using static NnQft.Symbolic.NetworkSymbols;

namespace NnQft.Hybrid.Proofs;

/// <summary>The architectures the correlator documents are derived for, and short builders for stated results.</summary>
internal static class ProofArchitectures
{
    /// <summary>T = 4 exchangeable tokens, D = d_k = inf, finite d_v, a bias: every part of the result is present.</summary>
    public static Architecture Wide { get; } = Architecture.Default with
    {
        Features = Width.Infinite, KeyWidth = Width.Infinite, ValueWidth = Width.Of(16), SigmaB = 0.5,
    };

    /// <summary>The same at finite D and d_k (random Grams and logits).</summary>
    public static Architecture Finite { get; } = Wide with { Features = Width.Of(64), KeyWidth = Width.Of(8) };

    public static Expr X(int n) => Point(n);

    public static Expr K(int a, int b) => TokenKernel(1, Point(a), Point(b));

    public static Expr M2(int a, int b) => AttentionMomentSymbols.Moment([(1, Point(a), Point(b))]);

    public static Expr M4(int token2, int a, int b, int c, int d) =>
        AttentionMomentSymbols.Moment([(1, Point(a), Point(b)), (token2, Point(c), Point(d))]);

    public static Expr Cxx(int a, int b) => C(Point(a), Point(b));

    /// <summary>The three pairings of four points.</summary>
    public static IReadOnlyList<(int A, int B, int C, int D)> Pairings { get; } = [(1, 2, 3, 4), (1, 3, 2, 4), (1, 4, 2, 3)];

    public static string Describe(Architecture a) =>
        $"d = {a.Dimension}, T = {a.Tokens} exchangeable tokens, D = {a.Features}, d_k = {a.KeyWidth}, d_v = {a.ValueWidth}, " +
        $"sigma_b = {a.SigmaB.ToString(System.Globalization.CultureInfo.InvariantCulture)} (the engine keeps T, N_h, d_v and every sigma as symbols)";
}
