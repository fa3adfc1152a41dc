// SPDX-License-Identifier: MIT
using NnQft.Symbolic;

namespace NnQft.Hybrid.Theory;

/// <summary>
/// One sampled attention moment of the derived forms, as a template over the forms' points: its factors' 0-based
/// tokens and, for each factor, which point symbol x_(k+1) it sits at. At a point tuple it becomes a concrete moment.
/// </summary>
internal sealed record MomentTemplate(int[] Tokens, int[] PointSlots);

/// <summary>
/// Derived correlators G_f(x1..xn), each as c_f + sum_k a_fk m_k, linear in the sampled attention moments m_k (degree
/// above 2; M2 comes from quadrature). The coefficients are collected symbolically, once per form
/// (<see cref="LinearCoefficients"/>), and all c_f and a_fk are compiled into one delegate over (x1..xn, network
/// symbols), sharing their kernels and quadrature moments: at a tuple they are plain numbers, exactly. Linearity is what
/// lets one logit sample give an unbiased value of a form, and hence an honest standard error.
/// </summary>
internal sealed class MomentForms
{
    private readonly CompiledVector compiled;
    private readonly double[] template;

    public MomentForms(IReadOnlyList<Expr> forms, int points, NetworkBinding binding, int tokens)
    {
        Points = points;
        Forms = forms.Count;
        var pointSymbols = NetworkSymbols.Points(points);
        // The token count is structural: with it substituted, moments of tokens the architecture lacks (M4(1, 2, ...)
        // at T = 1, weighted by T (T - 1)) cancel exactly instead of reaching the sampler.
        var linear = forms.Select(f => LinearCoefficients.Collect(Substitution.Apply(f, NetworkSymbols.Tokens, Number.Of(tokens)), IsSampled)).ToList();
        var moments = linear.SelectMany(l => l.Terms.Select(t => t.Variable)).Distinct().ToList();
        Moments = moments.Select(m => Template((AttentionMoment)m, pointSymbols, tokens)).ToArray();
        // Outputs: the constants c_f, then a_fk row by row (zero where form f does not use moment k).
        var outputs = new List<Expr>(linear.Select(l => l.Constant));
        foreach (var l in linear)
            foreach (var m in moments)
                outputs.Add(l.Terms.FirstOrDefault(t => t.Variable.Equals(m)).Coefficient ?? Number.Zero);
        IReadOnlyList<Symbol> parameters = [.. pointSymbols, .. NetworkBinding.Parameters];
        compiled = Compiler.Compile(outputs, parameters);
        template = new double[parameters.Count];
        binding.Fill(template.AsSpan(points));
    }

    /// <summary>The number of points n of the forms.</summary>
    public int Points { get; }

    /// <summary>The number of forms F.</summary>
    public int Forms { get; }

    /// <summary>The sampled moments K, the union over the forms.</summary>
    public IReadOnlyList<MomentTemplate> Moments { get; }

    /// <summary>The length of the results of <see cref="Evaluate"/>: F constants, then F x K coefficients.</summary>
    public int ResultLength => Forms * (1 + Moments.Count);

    /// <summary>True for the moments only Monte Carlo over the logits gives.</summary>
    public static bool IsSampled(Expr node) => node is AttentionMoment { Degree: > 2 };

    /// <summary>A per-thread parameter buffer.</summary>
    public double[] NewValues() => (double[])template.Clone();

    /// <summary>At the 0-based point tuple: results[f] = c_f and results[F + f K + k] = a_fk.</summary>
    public void Evaluate(ReadOnlySpan<int> tuple, double[] values, NodeValues nodes, double[] results)
    {
        for (int k = 0; k < Points; k++) values[k] = tuple[k] + 1;
        compiled.Evaluate(values, nodes, results);
    }

    private static MomentTemplate Template(AttentionMoment m, IReadOnlyList<Symbol> points, int tokens)
    {
        var t = new int[m.Degree];
        var slots = new int[m.Degree];
        for (int k = 0; k < m.Degree; k++)
        {
            if (m.Tokens[k] is not Number { IsInteger: true } n || n.Numerator < 1 || n.Numerator > tokens)
                throw new InvalidOperationException($"the sampled moment {m} needs a token in 1..{tokens}, not {m.Tokens[k]}");
            t[k] = (int)n.Numerator - 1;
            slots[k] = m.Points[k] is Symbol s ? points.ToList().IndexOf(s) : -1;
            if (slots[k] < 0) throw new InvalidOperationException($"the sampled moment {m} sits at {m.Points[k]}, not at a point of the form");
        }
        return new MomentTemplate(t, slots);
    }
}
