// SPDX-License-Identifier: MIT
using NnQft.Symbolic;

namespace NnQft.Hybrid.Theory;

/// <summary>One sampled attention moment called by a derived expression: its factors (tokens, then points).</summary>
internal sealed record MomentCall(double[] Args)
{
    public bool Equals(MomentCall? other) => other is not null && Args.AsSpan().SequenceEqual(other.Args);

    public override int GetHashCode()
    {
        var h = new HashCode();
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
    public static LinearMomentForm Extract(Func<Func<NodeArguments, double>, double> evaluateWith)
    {
        var calls = new List<MomentCall>();
        var index = new Dictionary<MomentCall, int>();
        double Evaluate(Func<int, double> valueOf) =>
            evaluateWith(args =>
            {
                var call = new MomentCall(args.ToArray());
                if (!index.TryGetValue(call, out int i))
                {
                    index[call] = i = calls.Count;
                    calls.Add(call);
                }
                return valueOf(i);
            });
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
