// SPDX-License-Identifier: MIT
using NnQft.Model;
using NnQft.Symbolic;

namespace NnQft.Hybrid.Theory;

/// <summary>
/// Numeric values for the symbols and opaque functions of derived expressions at D = d_k = infinity: parameters
/// from the architecture, point symbols x1..xn bound to 1-based indices into the point set, kernels k_t from their
/// closed forms, M2 from quadrature (cached); sampled moments (M4) are left to the caller.
/// </summary>
internal sealed class EvaluationContext(Architecture architecture, LogitLaws laws)
{
    private static readonly HashSet<string> Sampled = ["M4"];
    private readonly Dictionary<(int, int, int), double> m2Cache = [];
    private readonly Dictionary<Expr, CompiledExpression> compiled = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, double> parameters = new()
    {
        ["d"] = architecture.Dimension,
        ["T"] = architecture.Tokens,
        ["N_h"] = architecture.Heads,
        ["D"] = architecture.Features.IsInfinite ? double.PositiveInfinity : architecture.Features.Value,
        ["d_k"] = architecture.KeyWidth.IsInfinite ? double.PositiveInfinity : architecture.KeyWidth.Value,
        ["d_v"] = architecture.ValueWidth.IsInfinite ? double.PositiveInfinity : architecture.ValueWidth.Value,
        ["sigma_Q"] = architecture.SigmaQ,
        ["sigma_K"] = architecture.SigmaK,
        ["sigma_V"] = architecture.SigmaV,
        ["sigma_a"] = architecture.SigmaA,
        ["sigma_b"] = architecture.SigmaB,
    };

    /// <summary>The expression at the point tuple (0-based indices bound to x1, x2, ...) as constant + sampled-moment terms.</summary>
    public LinearMomentForm Form(Expr expr, IReadOnlyList<int> tuple)
    {
        var symbols = new Dictionary<string, double>(parameters);
        for (int i = 0; i < tuple.Count; i++) symbols[$"x{i + 1}"] = tuple[i] + 1;
        // A derived G4 is evaluated a few times per moment it calls, at each of O(P^4) tuples: compiled once, that is
        // much cheaper than walking the expression tree each time (40 points: 29 s instead of 110 s for the whole theory).
        if (!compiled.TryGetValue(expr, out var code)) compiled[expr] = code = Compiler.Compile(expr);
        return LinearMomentForm.Extract(code, sampled => new EvaluationEnvironment(
            symbols,
            (name, args) => sampled(name, args) ?? Opaque(name, args),
            node => throw new InvalidOperationException($"no numeric value for {node} at D = d_k = infinity")), Sampled);
    }

    private double Opaque(string name, double[] args)
    {
        int Index(int k) => (int)args[k] - 1;
        switch (name)
        {
            case "k":
                // k0 is the query kernel; tokens are 1-based.
                return args[0] == 0 ? laws.QueryKernel(Index(1), Index(2)) : laws.TokenKernel(Index(0), Index(1), Index(2));
            case "M2":
                var key = (Index(0), Math.Min(Index(1), Index(2)), Math.Max(Index(1), Index(2)));
                if (!m2Cache.TryGetValue(key, out double m))
                    m2Cache[key] = m = laws.TwoPointMoment(key.Item1, key.Item2, key.Item3);
                return m;
            default:
                throw new InvalidOperationException($"no numeric value for the function {name} in {architecture.Tokens}-token theory");
        }
    }
}
