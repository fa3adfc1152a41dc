// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// Expectation over independent centred Gaussian families by Isserlis/Wick pairings. Everything else stays as
/// a conditioning factor (the result is a conditional expectation given the non-Gaussian quantities). Index sums
/// are pulled out first and rebuilt after pairing, so Kronecker deltas contract (sum_i delta_ii = d_v).
/// </summary>
/// <example><code>
/// var engine = new WickEngine([new GaussianFamily("a", (x, y) =&gt; 1)]); var a = RandomVariable.Of("a", [], []);
/// Expr m4 = engine.Expectation(a * a * a * a); // 3
/// </code></example>
public sealed class WickEngine
{
    private readonly Dictionary<string, GaussianFamily> families;

    /// <summary>An engine over the given independent families.</summary>
    /// <example><code>var engine = new WickEngine([AttentionNetwork.ReadoutFamily, AttentionNetwork.HeadOutputFamily]);</code></example>
    public WickEngine(IEnumerable<GaussianFamily> families) =>
        this.families = families.ToDictionary(f => f.Name);

    /// <summary>E[e | everything that is not one of the Gaussian families].</summary>
    /// <example><code>
    /// var engine = new WickEngine([new GaussianFamily("a", (x, y) =&gt; Sym.Var("s2"))]); var a = RandomVariable.Of("a", [], []);
    /// Expr m2 = engine.Expectation(a * a); // s2
    /// </code></example>
    public Expr Expectation(Expr e) => Sum.Of(Prenex.Terms(e).Select(ExpectationOfMonomial));

    private Expr ExpectationOfMonomial(Expr monomial)
    {
        var prenex = Prenex.Of(monomial);
        var groups = new Dictionary<string, List<RandomVariable>>();
        var rest = new List<Expr> { prenex.Coefficient };
        foreach (var f in prenex.Factors)
        {
            if (f is RandomVariable r && families.ContainsKey(r.Name))
            {
                if (!groups.TryGetValue(r.Name, out var list)) groups[r.Name] = list = [];
                list.Add(r);
            }
            else if (ContainsGaussian(f)) throw new NotSupportedException("a Gaussian variable inside a non-polynomial factor: " + f);
            else rest.Add(f);
        }
        var terms = new List<Expr> { Product.Of(rest) };
        foreach (var (name, vars) in groups)
        {
            var pairings = Isserlis(families[name], vars);
            if (pairings.Count == 0) return Number.Zero;
            terms = terms.SelectMany(t => pairings.Select(p => Product.Of(t, p))).ToList();
        }
        // Each pairing term is a monomial; wrapping it rebuilds the sums and contracts the deltas.
        return Sum.Of(terms.Select(t => DeltaContraction.Contract(prenex.Sums, t)));
    }

    /// <summary>The pairing terms prod_{(a,b)} Cov(X_a, X_b), one per perfect matching (empty when odd).</summary>
    /// <example><code>
    /// var f = new GaussianFamily("a", (x, y) =&gt; 1); var a = RandomVariable.Of("a", [], []);
    /// int pairings = WickEngine.Isserlis(f, [a, a, a, a]).Count; // 3
    /// </code></example>
    public static IReadOnlyList<Expr> Isserlis(GaussianFamily family, IReadOnlyList<RandomVariable> vars) =>
        SetPartitions.Matchings(vars.Count)
            .Select(m => Product.Of(m.Select(pair => family.Covariance(vars[pair.Item1], vars[pair.Item2]))))
            .Where(t => t is not Number { IsZero: true })
            .ToList();

    private bool ContainsGaussian(Expr e) =>
        e is RandomVariable r ? families.ContainsKey(r.Name) : e.Children.Any(ContainsGaussian);
}
