// SPDX-License-Identifier: MIT
using NnQft.Model;

namespace NnQft.Symbolic;

/// <summary>
/// A derived correlator G_n(x1..xn) (or its connected part) of one architecture.
/// <see cref="Value"/> = <see cref="IndependenceBreaking"/> + <see cref="FiniteWidth"/>: the d_v^0 part (written
/// with covariances/cumulants when connected: the independence breaking of docs/theory.md section 4) and the O(1/d_v)
/// part (0 when valueWidth is infinite). The final forms are in attention weights (M2, M4, ... and kernels k_t at
/// D = inf; expectations of A's and G's at finite D); the <c>InC</c> forms are the same in the conditional
/// covariance c(x, y).
/// </summary>
/// <example><code>
/// CorrelatorDerivation g2 = Derive.Correlator(Architecture.Default, order: 2, connected: false);
/// Console.WriteLine($"{LatexPrinter.Print(g2.Value)} ({g2.Steps.Count} steps)");
/// </code></example>
public sealed record CorrelatorDerivation(
    Architecture Architecture,
    int Order,
    bool Connected,
    IReadOnlyList<Symbol> Points,
    Expr Value,
    Expr IndependenceBreaking,
    Expr FiniteWidth,
    Expr ValueInC,
    Expr IndependenceBreakingInC,
    Expr FiniteWidthInC,
    Expr ConditionalMoment,
    IReadOnlyList<DerivationStep> Steps);
