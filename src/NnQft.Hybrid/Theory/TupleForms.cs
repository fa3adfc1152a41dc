// SPDX-License-Identifier: MIT
using NnQft.Symbolic;

namespace NnQft.Hybrid.Theory;

/// <summary>
/// The forms of one order n = 4 or 6 (full Gn, independence breaking and finite width of Gnc) at every requested
/// n-tuple, as numbers: per tuple and form a
/// constant, and per tuple K sampled moments (the union of the forms' moment templates) with one coefficient per form.
/// Memory is linear in the tuples asked for.
/// </summary>
internal sealed class TupleForms
{
    public const int FormCount = 3;

    private TupleForms(int tuples, int moments, double[] constants, double[] sampled, double[] breaking, int[] entries)
    {
        Tuples = tuples;
        Moments = moments;
        Constants = constants;
        Sampled = sampled;
        Breaking = breaking;
        Entries = entries;
    }

    public int Tuples { get; }

    /// <summary>K, the sampled moments per tuple.</summary>
    public int Moments { get; }

    /// <summary>Constants[q * 3 + f] of the full Gn, independence breaking and finite width.</summary>
    public double[] Constants { get; }

    /// <summary>
    /// What every batch reads, contiguous per tuple: Sampled[q * 2K + k] the full Gn's coefficient of moment k,
    /// Sampled[q * 2K + K + k] the connected part's (independence breaking + finite width).
    /// </summary>
    public double[] Sampled { get; }

    /// <summary>Breaking[q * K + k]: the independence-breaking coefficients (finite width = connected - breaking).</summary>
    public double[] Breaking { get; }

    /// <summary>Entries[q * K + k]: the <see cref="MomentEntries"/> index of moment k at tuple q.</summary>
    public int[] Entries { get; }

    /// <summary>Bytes per tuple for K moments (to refuse a selection that cannot fit before listing it).</summary>
    public static long BytesPerTuple(int moments) => 8L * FormCount + (8L * 3 + 4) * moments + 4 * 8 /* sums */ + 16 * 8 /* tuple list */;

    /// <summary>Evaluates the three forms at every tuple (in parallel) and registers the moments they need.</summary>
    public static TupleForms Build(MomentForms forms, IReadOnlyList<IReadOnlyList<int>> tuples, NodeValues nodes, MomentEntries entries)
    {
        if (forms.Forms != FormCount) throw new ArgumentException($"expected {FormCount} forms, got {forms.Forms}", nameof(forms));
        int q = tuples.Count, kk = forms.Moments.Count, n = forms.Points;
        var constants = new double[q * FormCount];
        var sampled = new double[(long)q * 2 * kk];
        var breaking = new double[(long)q * kk];
        Parallel.For(0, q, () => (forms.NewValues(), new double[forms.ResultLength], new int[n]), (i, _, buffers) =>
        {
            var (values, results, tuple) = buffers;
            for (int k = 0; k < n; k++) tuple[k] = tuples[i][k];
            forms.Evaluate(tuple, values, nodes, results);
            results.AsSpan(0, FormCount).CopyTo(constants.AsSpan(i * FormCount));
            // results: the constants, then the coefficient rows of the full form, breaking and finite width.
            for (int m = 0; m < kk; m++)
            {
                double full = results[FormCount + m], ib = results[FormCount + kk + m], fw = results[FormCount + 2 * kk + m];
                sampled[(long)i * 2 * kk + m] = full;
                sampled[(long)i * 2 * kk + kk + m] = ib + fw;
                breaking[(long)i * kk + m] = ib;
            }
            return buffers;
        }, _ => { });
        var entry = new int[(long)q * kk];
        Span<int> t = stackalloc int[n];
        for (int i = 0; i < q; i++)
        {
            for (int k = 0; k < n; k++) t[k] = tuples[i][k];
            for (int m = 0; m < kk; m++) entry[(long)i * kk + m] = entries.Add(forms.Moments[m], t);
        }
        return new TupleForms(q, kk, constants, sampled, breaking, entry);
    }
}
