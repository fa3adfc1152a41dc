// SPDX-License-Identifier: MIT
using NnQft.Model;

namespace NnQft.Symbolic;

/// <summary>
/// The compiled Rao-Blackwell integrand E[phi(x1)...phi(xn) | A, G] of an architecture (the engine's derivation,
/// <see cref="Derive.ConditionalMoment(Architecture, IReadOnlyList{Symbol})"/>, compiled once). It reads the per-head
/// conditional covariances c_h(x_a, x_b) of one sampled network from a flat table over <see cref="PointCount"/> points,
/// laid out as [(h * P + a) * P + b]; the moment's points are indices into that table, so one compiled delegate serves
/// every pair or quad of a network without copying sub-tables. Thread-safe; each thread keeps its own
/// <see cref="NewValues"/> buffer.
/// </summary>
/// <example><code>
/// var g4 = ConditionalMomentEvaluator.Create(Architecture.Default, 4);
/// double m = g4.Evaluate(new double[4 * 4], heads: 1, valueWidth: 256, sigmaA: 1, sigmaB: 0); // one head, c = 0
/// </code></example>
public sealed class ConditionalMomentEvaluator
{
    // The parameters, in this order: the four scalars the moment depends on, then the points x1..xn.
    private static readonly Symbol[] Scalars = [NetworkSymbols.Heads, NetworkSymbols.ValueWidth, NetworkSymbols.SigmaA, NetworkSymbols.SigmaB];
    private readonly CompiledExpression compiled;
    private readonly double[] template;

    private ConditionalMomentEvaluator(Architecture architecture, Expr expression, int order, int pointCount)
    {
        Expression = expression;
        Order = order;
        PointCount = pointCount;
        compiled = Compiler.Compile(expression, [.. Scalars, .. NetworkSymbols.Points(order)],
            [new TabulatedVariable(NetworkSymbols.ConditionalCovariance, [pointCount * pointCount, pointCount, 1])]);
        if (compiled.UsesNodeValues)
            throw new InvalidOperationException($"the derived conditional moment has opaque nodes besides c: {expression}");
        var binding = NetworkBinding.Of(architecture);
        template = [.. Scalars.Select(binding.ValueOf), .. new double[order]];
    }

    /// <summary>The symbolic conditional moment (in c_h(xa, xb) with a head sum).</summary>
    /// <example><code>string tex = LatexPrinter.Print(ConditionalMomentEvaluator.Create(Architecture.Default, 2).Expression);</code></example>
    public Expr Expression { get; }

    /// <summary>The number of points n.</summary>
    /// <example><code>int n = ConditionalMomentEvaluator.Create(Architecture.Default, 4).Order; // 4</code></example>
    public int Order { get; }

    /// <summary>The number of points P of the covariance table.</summary>
    /// <example><code>int p = ConditionalMomentEvaluator.Create(Architecture.Default, 4, pointCount: 8).PointCount; // 8</code></example>
    public int PointCount { get; }

    /// <summary>
    /// Derives and compiles the n-point conditional moment of <paramref name="architecture"/>, reading covariance
    /// tables over <paramref name="pointCount"/> points (default: the moment's own n points).
    /// </summary>
    /// <example><code>var g2 = ConditionalMomentEvaluator.Create(Architecture.Default with { ValueWidth = Width.Infinite }, 2);</code></example>
    public static ConditionalMomentEvaluator Create(Architecture architecture, int order, int? pointCount = null)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (order is not (2 or 4 or 6)) throw new ArgumentOutOfRangeException(nameof(order), order, "must be 2, 4 or 6");
        int p = pointCount ?? order;
        if (p < 1) throw new ArgumentOutOfRangeException(nameof(pointCount), p, "must be at least 1");
        return new(architecture, Derive.ConditionalMoment(architecture, NetworkSymbols.Points(order)), order, p);
    }

    /// <summary>A per-thread parameter buffer for <see cref="Evaluate(ReadOnlySpan{int}, double[], double[][])"/>, holding the architecture's values.</summary>
    /// <example><code>double[] values = ConditionalMomentEvaluator.Create(Architecture.Default, 2).NewValues();</code></example>
    public double[] NewValues() => (double[])template.Clone();

    /// <summary>
    /// The hot path: the conditional moment at the 0-based table points <paramref name="points"/> (length
    /// <see cref="Order"/>) for one network's table <paramref name="table"/>[0] (N_h x P x P), with the architecture's
    /// N_h, d_v and sigmas. <paramref name="values"/> comes from <see cref="NewValues"/>; nothing is allocated.
    /// </summary>
    /// <example><code>
    /// var g2 = ConditionalMomentEvaluator.Create(Architecture.Default, 2, pointCount: 3);
    /// double m = g2.Evaluate([0, 2], g2.NewValues(), [new double[3 * 3]]);
    /// </code></example>
    public double Evaluate(ReadOnlySpan<int> points, double[] values, double[][] table)
    {
        if (points.Length != Order) throw new ArgumentException($"expected {Order} points, got {points.Length}", nameof(points));
        for (int k = 0; k < Order; k++) values[Scalars.Length + k] = points[k] + 1;
        return compiled.Evaluate(values, NodeValues.None, table);
    }

    /// <summary>
    /// The conditional moment for one network at given scalars: <paramref name="cPerHead"/>[h][a, b] = c_h(x_(a+1), x_(b+1)),
    /// one n x n matrix per head (their count is N_h). <paramref name="valueWidth"/> may be <see cref="double.PositiveInfinity"/>.
    /// Needs <see cref="PointCount"/> = <see cref="Order"/>.
    /// </summary>
    /// <example><code>double m = ConditionalMomentEvaluator.Create(Architecture.Default, 2).Evaluate([new double[2, 2] { { 1, 0.5 }, { 0.5, 1 } }], 256, sigmaA: 1, sigmaB: 0);</code></example>
    public double Evaluate(IReadOnlyList<double[,]> cPerHead, double valueWidth, double sigmaA, double sigmaB)
    {
        int n = Order;
        var flat = new double[cPerHead.Count * n * n];
        for (int h = 0; h < cPerHead.Count; h++)
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++) flat[(h * n + a) * n + b] = cPerHead[h][a, b];
        return Evaluate(flat, cPerHead.Count, valueWidth, sigmaA, sigmaB);
    }

    /// <summary>
    /// As <see cref="Evaluate(IReadOnlyList{double[,]}, double, double, double)"/> on a flat table:
    /// <paramref name="c"/>[(h * n + a) * n + b] = c_(h+1)(x_(a+1), x_(b+1)) for <paramref name="heads"/> heads.
    /// </summary>
    /// <example><code>double m = ConditionalMomentEvaluator.Create(Architecture.Default, 2).Evaluate([1, 0.5, 0.5, 1], heads: 1, valueWidth: double.PositiveInfinity, sigmaA: 1, sigmaB: 0);</code></example>
    public double Evaluate(double[] c, int heads, double valueWidth, double sigmaA, double sigmaB)
    {
        if (PointCount != Order) throw new InvalidOperationException($"this evaluator reads tables over {PointCount} points; pass point indices instead");
        if (c.Length != heads * Order * Order)
            throw new ArgumentException($"expected {heads} x {Order} x {Order} covariances, got {c.Length}", nameof(c));
        double[] values = [heads, valueWidth, sigmaA, sigmaB, .. Enumerable.Range(1, Order).Select(k => (double)k)];
        return compiled.Evaluate(values, NodeValues.None, [c]);
    }
}
