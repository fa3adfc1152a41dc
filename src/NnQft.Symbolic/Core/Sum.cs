// SPDX-License-Identifier: MIT

namespace NnQft.Symbolic;

/// <summary>
/// A canonical n-ary sum: flattened, like terms merged (terms equal up to a rational coefficient), zero terms
/// dropped, sorted by <see cref="ExprOrder"/>; the numeric constant, if any, is one of the terms.
/// </summary>
/// <example><code>Expr e = Sum.Of(Sym.Var("x"), Sym.Var("x")); // 2 x: like terms merge</code></example>
public sealed record Sum : Expr
{
    private readonly bool random;

    /// <inheritdoc />
    public override bool IsRandom => random;

    private Sum(ExprList terms)
    {
        Terms = terms;
        random = terms.Any(f => f.IsRandom);
        SymbolMask = MaskOf(terms);
    }

    /// <summary>At least two terms, sorted.</summary>
    /// <example><code>ExprList terms = ((Sum)(Sym.Var("x") + Sym.Var("y"))).Terms; // "[x, y]"</code></example>
    public ExprList Terms { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => Terms;

    /// <inheritdoc />
    public override Expr Rebuild(IReadOnlyList<Expr> children) => Of(children);

    /// <summary>The sum of two expressions.</summary>
    /// <example><code>Expr e = Sum.Of(Sym.Var("x"), 1);</code></example>
    public static Expr Of(Expr a, Expr b) => Of([a, b]);

    /// <summary>The canonical sum of the given terms.</summary>
    /// <example><code>Expr e = Sum.Of(Enumerable.Range(1, 3).Select(k =&gt; (Expr)k * Sym.Var("x"))); // "6*x"</code></example>
    public static Expr Of(IEnumerable<Expr> terms)
    {
        // Linear search while small, a dictionary index once the sum grows.
        var rests = new List<Expr>(8);
        var coefficients = new List<Number>(8);
        Dictionary<Expr, int>? index = null;
        void Add(Expr t)
        {
            if (t is Sum s) { foreach (var u in s.Terms) Add(u); return; }
            var (c, rest) = Product.Split(t);
            if (c.IsZero) return;
            int found = -1;
            if (index is not null) found = index.GetValueOrDefault(rest, -1);
            else
            {
                int h = rest.GetHashCode();
                for (int k = 0; k < rests.Count; k++)
                    if (rests[k].GetHashCode() == h && rests[k].Equals(rest)) { found = k; break; }
            }
            if (found >= 0) { coefficients[found] += c; return; }
            rests.Add(rest);
            coefficients.Add(c);
            if (index is not null) index[rest] = rests.Count - 1;
            else if (rests.Count > 16)
            {
                index = new Dictionary<Expr, int>(rests.Count * 2);
                for (int k = 0; k < rests.Count; k++) index[rests[k]] = k;
            }
        }
        foreach (var t in terms) Add(t);
        var result = new List<Expr>(rests.Count);
        for (int k = 0; k < rests.Count; k++)
        {
            var c = coefficients[k];
            if (c.IsZero) continue;
            result.Add(rests[k] is Number ? c : c.IsOne ? rests[k] : Product.Of(c, rests[k]));
        }
        if (result.Count == 0) return Number.Zero;
        if (result.Count == 1) return result[0];
        var array = result.ToArray();
        SortRuns(array);
        return new Sum(ExprList.Owning(array));
    }

    // Sorts by ExprOrder, as a natural merge sort: the terms of an expansion arrive as sorted runs (each part's
    // expansion is a canonical sum), which are merged, in about n log(runs) comparisons instead of n log n. Distinct
    // canonical terms never compare equal, so the order is the one any other sort gives.
    private static void SortRuns(Expr[] array)
    {
        var order = ExprOrder.Instance;
        if (array.Length < 64)
        {
            Array.Sort(array, order);
            return;
        }
        var starts = new List<int> { 0 };
        for (int i = 1; i < array.Length; i++)
            if (order.Compare(array[i - 1], array[i]) > 0) starts.Add(i);
        if (starts.Count == 1) return;
        starts.Add(array.Length);
        var buffer = new Expr[array.Length];
        while (starts.Count > 2)
        {
            var merged = new List<int> { 0 };
            for (int r = 0; r + 1 < starts.Count; r += 2)
            {
                int lo = starts[r], mid = starts[r + 1], hi = r + 2 < starts.Count ? starts[r + 2] : mid;
                int a = lo, b = mid, k = lo;
                while (a < mid && b < hi) buffer[k++] = order.Compare(array[b], array[a]) < 0 ? array[b++] : array[a++];
                while (a < mid) buffer[k++] = array[a++];
                while (b < hi) buffer[k++] = array[b++];
                Array.Copy(buffer, lo, array, lo, hi - lo);
                merged.Add(hi);
            }
            if (merged[^1] != array.Length) merged.Add(array.Length);
            starts = merged;
        }
    }
}
