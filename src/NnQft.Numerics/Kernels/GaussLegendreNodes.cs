// SPDX-License-Identifier: MIT
using MathNet.Numerics.Integration;

namespace NnQft.Numerics.Kernels;

/// <summary>A fixed Gauss-Legendre rule on [-1, 1], computed once and shared (read-only).</summary>
internal sealed class GaussLegendreNodes
{
    private GaussLegendreNodes(int order)
    {
        var rule = new GaussLegendreRule(-1.0, 1.0, order);
        Abscissas = rule.Abscissas;
        Weights = rule.Weights;
    }

    /// <summary>The 20-point rule: exact to degree 39, ample for panels within the analyticity region.</summary>
    public static GaussLegendreNodes Twenty { get; } = new(20);

    public double[] Abscissas { get; }

    public double[] Weights { get; }

    /// <summary>Integral of <paramref name="f"/> over [a, b].</summary>
    public double Integrate<TState>(double a, double b, in TState state, Func<TState, double, double> f)
    {
        double half = 0.5 * (b - a), mid = 0.5 * (a + b), sum = 0;
        for (int i = 0; i < Abscissas.Length; i++) sum += Weights[i] * f(state, mid + half * Abscissas[i]);
        return half * sum;
    }
}
