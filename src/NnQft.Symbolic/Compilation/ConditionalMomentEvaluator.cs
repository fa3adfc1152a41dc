// SPDX-License-Identifier: MIT
using NnQft.Model;

namespace NnQft.Symbolic;

/// <summary>
/// The compiled Rao-Blackwell integrand E[phi(x1)...phi(xn) | A, G] of an architecture: give it the per-head
/// conditional covariances c_h(x_a, x_b) of one sampled network (an n x n matrix per head, points in the
/// order of the moment's arguments) and it returns the conditional moment. The formula is the engine's
/// derivation (<see cref="Derive.ConditionalMoment(Architecture, IReadOnlyList{Symbol})"/>), compiled once.
/// </summary>
/// <example><code>
/// var g4 = ConditionalMomentEvaluator.Create(arch, 4);
/// double m = g4.Evaluate(new double[4 * 4], heads: 1, valueWidth: 256, sigmaA: 1, sigmaB: 0); // one head, c = 0
/// </code></example>
public sealed class ConditionalMomentEvaluator
{
    private readonly CompiledExpression compiled;
    private readonly int[] slots;

    private ConditionalMomentEvaluator(Expr expression, int order)
    {
        Expression = expression;
        Order = order;
        // c_h(x_a, x_b) is read from a flat table laid out as [h][a][b].
        compiled = Compiler.Compile(expression, [new TabulatedVariable(NetworkSymbols.ConditionalCovariance, [order * order, order, 1])]);
        slots = compiled.Parameters.Select(p => p.Name switch
        {
            "N_h" => -1,
            "d_v" => -2,
            "sigma_a" => -3,
            "sigma_b" => -4,
            var name when name.StartsWith('x') && int.TryParse(name.AsSpan(1), out var k) => k,
            var name => throw new InvalidOperationException($"unexpected parameter {name} in the conditional moment"),
        }).ToArray();
    }

    /// <summary>The symbolic conditional moment (in c_h(xa, xb) with a head sum).</summary>
    /// <example><code>string tex = LatexPrinter.Print(ConditionalMomentEvaluator.Create(Architecture.Default, 2).Expression);</code></example>
    public Expr Expression { get; }

    /// <summary>The number of points n.</summary>
    /// <example><code>int n = ConditionalMomentEvaluator.Create(Architecture.Default, 4).Order; // 4</code></example>
    public int Order { get; }

    /// <summary>Derives and compiles the n-point conditional moment of <paramref name="architecture"/>.</summary>
    /// <example><code>var g2 = ConditionalMomentEvaluator.Create(Architecture.Default with { ValueWidth = Width.Infinite }, 2);</code></example>
    public static ConditionalMomentEvaluator Create(Architecture architecture, int order) =>
        new(Derive.ConditionalMoment(architecture, NetworkSymbols.Points(order)), order);

    /// <summary>
    /// The conditional moment for one network: <paramref name="cPerHead"/>[h][a, b] = c_h(x_(a+1), x_(b+1)), one
    /// matrix per head (their count is N_h). <paramref name="valueWidth"/> may be <see cref="double.PositiveInfinity"/>.
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
    /// Allocation-light form for hot loops: <paramref name="c"/>[(h * n + a) * n + b] = c_(h+1)(x_(a+1), x_(b+1)) for
    /// <paramref name="heads"/> heads and n = <see cref="Order"/> points.
    /// </summary>
    /// <example><code>double m = ConditionalMomentEvaluator.Create(Architecture.Default, 2).Evaluate([1, 0.5, 0.5, 1], heads: 1, valueWidth: double.PositiveInfinity, sigmaA: 1, sigmaB: 0);</code></example>
    public double Evaluate(double[] c, int heads, double valueWidth, double sigmaA, double sigmaB)
    {
        if (c.Length != heads * Order * Order)
            throw new ArgumentException($"expected {heads} x {Order} x {Order} covariances, got {c.Length}", nameof(c));
        var values = new double[slots.Length];
        for (int k = 0; k < slots.Length; k++)
            values[k] = slots[k] switch
            {
                -1 => heads,
                -2 => valueWidth,
                -3 => sigmaA,
                -4 => sigmaB,
                var point => point,
            };
        return compiled.Evaluate(values, [], [c]);
    }
}
