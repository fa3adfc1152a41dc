// SPDX-License-Identifier: MIT
using NnQft.Symbolic;

namespace NnQft.Hybrid.Theory;

/// <summary>One sampled attention moment called by a derived expression: its name and numeric arguments.</summary>
internal sealed record MomentCall(string Name, double[] Args)
{
    public bool Equals(MomentCall? other) => other is not null && Name == other.Name && Args.AsSpan().SequenceEqual(other.Args);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Name);
        foreach (var a in Args) h.Add(a);
        return h.ToHashCode();
    }
}

/// <summary>
/// A derived correlator at fixed points written as c_0 + sum_i coef_i * m_i, where the m_i are the attention moments
/// that only Monte Carlo can give (M4 and higher). The derived forms are linear in those moments (moment products
/// only involve quadrature moments M2), which <see cref="Extract"/> checks rather than assumes; linearity is what
/// lets one logit sample give an unbiased per-sample value, and hence an honest standard error.
/// </summary>
internal sealed record LinearMomentForm(double Constant, IReadOnlyList<(MomentCall Call, double Coefficient)> Terms)
{
    public static LinearMomentForm Extract(CompiledExpression expr, Func<Func<string, double[], double?>, EvaluationEnvironment> environment, ISet<string> sampledNames)
    {
        var calls = new List<MomentCall>();
        var index = new Dictionary<MomentCall, int>();
        double Evaluate(Func<int, double> valueOf) =>
            expr.Evaluate(environment((name, args) =>
            {
                if (!sampledNames.Contains(name)) return null;
                var call = new MomentCall(name, args);
                if (!index.TryGetValue(call, out int i))
                {
                    // Compiled code passes its arguments in a reused buffer: a call that is kept gets its own copy.
                    call = new MomentCall(name, (double[])args.Clone());
                    index[call] = i = calls.Count;
                    calls.Add(call);
                }
                return valueOf(i);
            }));

        double constant = Evaluate(_ => 0.0);
        var coefficients = new double[calls.Count];
        for (int i = 0; i < coefficients.Length; i++)
        {
            int unit = i;
            coefficients[i] = Evaluate(j => j == unit ? 1.0 : 0.0) - constant;
        }
        // Linearity check at two other moment vectors: an affine form reproduces them up to round-off.
        foreach (double v in new[] { 0.37, 1.0 })
        {
            double predicted = constant + coefficients.Sum() * v;
            double actual = Evaluate(_ => v);
            double scale = Math.Abs(constant) + coefficients.Sum(Math.Abs) + 1e-300;
            if (Math.Abs(actual - predicted) > 1e-9 * scale)
                throw new InvalidOperationException($"the derived expression is not linear in the sampled attention moments ({actual} vs {predicted})");
        }
        return new LinearMomentForm(constant, calls.Select((c, i) => (c, coefficients[i])).Where(t => t.Item2 != 0).ToList());
    }
}
