// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Symbolic;

namespace NnQft.Hybrid.Theory;

/// <summary>
/// Numeric values for the symbols and opaque functions of derived expressions at D = d_k = infinity: parameters
/// from the architecture, point symbols x1..xn bound to 1-based indices into the point set, kernels k_t from their
/// closed forms, M2 from quadrature (cached); sampled moments (degree 4) are left to the caller.
/// </summary>
internal sealed class EvaluationContext(Architecture architecture, LogitLaws laws)
{
    private readonly LogitLaws laws = laws;
    private readonly Dictionary<(int, int, int), double> m2Cache = [];
    private readonly Dictionary<(Expr, int), CompiledExpression> compiled = [];
    private readonly NetworkBinding binding = NetworkBinding.Of(architecture);

    /// <summary>The expression at the point tuple (0-based indices bound to x1, x2, ...) as constant + sampled-moment terms.</summary>
    public LinearMomentForm Form(Expr expr, IReadOnlyList<int> tuple)
    {
        if (!compiled.TryGetValue((expr, tuple.Count), out var code))
            compiled[(expr, tuple.Count)] = code = Compiler.Compile(expr, [.. NetworkSymbols.Points(tuple.Count), .. NetworkBinding.Parameters]);
        var values = new double[code.Parameters.Count];
        for (int i = 0; i < tuple.Count; i++) values[i] = tuple[i] + 1;
        binding.Fill(values.AsSpan(tuple.Count));
        return LinearMomentForm.Extract(sampled => code.Evaluate(values, new Values(this, sampled)));
    }

    private sealed class Values(EvaluationContext context, Func<NodeArguments, double> sampled) : NodeValues
    {
        public override double Kernel(double token, double a, double b) =>
            // k0 is the query kernel; tokens and points are 1-based.
            token == 0 ? context.laws.QueryKernel((int)a - 1, (int)b - 1) : context.laws.TokenKernel((int)token - 1, (int)a - 1, (int)b - 1);

        public override double AttentionMoment(int degree, NodeArguments factors)
        {
            if (degree != 2) return sampled(factors);
            int t = (int)factors[0] - 1, a = (int)factors[2] - 1, b = (int)factors[3] - 1;
            var key = (t, Math.Min(a, b), Math.Max(a, b));
            if (!context.m2Cache.TryGetValue(key, out double m))
                context.m2Cache[key] = m = context.laws.TwoPointMoment(key.Item1, key.Item2, key.Item3);
            return m;
        }
    }
}
