// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Symbolic;

namespace NnQft.Hybrid.RaoBlackwell;

/// <summary>
/// The engine's derived conditional moment E[phi(x1)...phi(xn) | A, G] (<see cref="Derive.ConditionalMoment"/>),
/// compiled once to read c_h(x_a, x_b) straight from a whole network's table over all P points: the point arguments
/// are point indices, so one compiled delegate serves every pair or quad without copying sub-tables. Thread-safe.
/// </summary>
internal sealed class ConditionalMomentTable
{
    private readonly CompiledExpression compiled;
    private readonly double[] template;
    private readonly int[] pointSlots; // pointSlots[k] = position of x_(k+1) in the parameter values

    public ConditionalMomentTable(Architecture architecture, int order, int pointCount)
    {
        Order = order;
        var expression = Derive.ConditionalMoment(architecture, NetworkSymbols.Points(order));
        // c_h(x_a, x_b) lives at [(h P + a) P + b] (1-based arguments; the compiler subtracts 1).
        compiled = Compiler.Compile(expression, [new TabulatedVariable(NetworkSymbols.ConditionalCovariance, [pointCount * pointCount, pointCount, 1])]);
        if (compiled.OpaqueNames.Count > 0)
            throw new InvalidOperationException($"the derived conditional moment calls opaque {string.Join(", ", compiled.OpaqueNames)}; expected c only");
        template = new double[compiled.Parameters.Count];
        pointSlots = Enumerable.Repeat(-1, order).ToArray();
        double valueWidth = architecture.ValueWidth.IsFinite ? architecture.ValueWidth.Value : double.PositiveInfinity;
        for (int k = 0; k < template.Length; k++)
        {
            string name = compiled.Parameters[k].Name;
            switch (name)
            {
                case "N_h": template[k] = architecture.Heads; break;
                case "d_v": template[k] = valueWidth; break;
                case "sigma_a": template[k] = architecture.SigmaA; break;
                case "sigma_b": template[k] = architecture.SigmaB; break;
                default:
                    if (name.StartsWith('x') && int.TryParse(name.AsSpan(1), out int point) && point >= 1 && point <= order)
                        pointSlots[point - 1] = k;
                    else throw new InvalidOperationException($"unexpected parameter {name} in the derived conditional moment");
                    break;
            }
        }
    }

    /// <summary>The number of points n of the moment.</summary>
    public int Order { get; }

    /// <summary>A per-thread parameter buffer for <see cref="Evaluate"/>.</summary>
    public double[] NewValues() => (double[])template.Clone();

    /// <summary>
    /// The conditional moment at point indices <paramref name="points"/> (0-based, length <see cref="Order"/>) for one
    /// network's table <paramref name="c"/>[0] (N_h x P x P). <paramref name="values"/> comes from <see cref="NewValues"/>.
    /// </summary>
    public double Evaluate(ReadOnlySpan<int> points, double[] values, double[][] c)
    {
        for (int k = 0; k < pointSlots.Length; k++)
            if (pointSlots[k] >= 0) values[pointSlots[k]] = points[k] + 1;
        return compiled.Evaluate(values, [], c);
    }
}
