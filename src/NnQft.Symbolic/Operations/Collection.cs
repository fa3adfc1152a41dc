// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// The readable form of an expression: like terms merged over their polynomial coefficients, common factors pulled
/// out. From the expanded form (<see cref="Expansion"/>), terms are grouped by everything that is not a scalar
/// symbol (kernels, moments, functions); each group's coefficient, a polynomial in the scalar symbols (T, d_v,
/// sigmas, ...), is split into its content and its factors of the form (v - r); then factors shared by several
/// terms are pulled out, most shared first. The result expands back to the expanded form of the input, so
/// collecting twice changes nothing.
/// </summary>
/// <example><code>
/// var T = Symbol.Count("T"); Expr m = Apply.Of("M", [Sym.Var("x")]);
/// Expr e = Collection.Collect(-T * m - T * m * (T - 1)); // -T^2*M(x)
/// </code></example>
public static class Collection
{
    /// <summary>The collected form of e, equal to e and with the same expansion.</summary>
    /// <example><code>var x = Sym.Var("x"); Expr e = Collection.Collect(x * x * Sym.Exp(x) - x * Sym.Exp(x)); // x*(x - 1)*exp(x)</code></example>
    public static Expr Collect(Expr e) => CollectExpanded(Expansion.Expand(e));

    /// <summary>A term: a rational coefficient times atoms (scalar symbols, other nodes, factored polynomials) to rational powers.</summary>
    private sealed record Monomial(Number Coefficient, IReadOnlyDictionary<Expr, Number> Powers)
    {
        public Expr ToExpr() => Product.Of(Powers.Select(kv => Power.Of(kv.Key, kv.Value)).Prepend(Coefficient));
    }

    private static Expr CollectExpanded(Expr e)
    {
        if (e.Children.Count == 0) return e;
        var terms = (e is Sum s ? s.Terms : (IReadOnlyList<Expr>)[e]).Select(ToMonomial).ToList();

        // Group by the part that is not a scalar symbol; each group's coefficient is a polynomial in the symbols.
        var groups = new Dictionary<Expr, (Dictionary<Expr, Number> Structure, List<Monomial> Coefficient)>();
        var order = new List<Expr>();
        foreach (var t in terms)
        {
            var structure = t.Powers.Where(kv => !IsScalar(kv.Key)).ToDictionary();
            var key = new Monomial(Number.One, structure).ToExpr();
            if (!groups.TryGetValue(key, out var group))
            {
                group = (structure, []);
                groups[key] = group;
                order.Add(key);
            }
            group.Coefficient.Add(new Monomial(t.Coefficient, t.Powers.Where(kv => IsScalar(kv.Key)).ToDictionary()));
        }
        // Many groups share one coefficient polynomial (the same powers of the sigmas, T and N_h): factored once.
        var factorings = new Dictionary<Expr, Monomial>();
        var factored = order.Select(key =>
        {
            var (structure, coefficient) = groups[key];
            var polynomial = Sum.Of(coefficient.Select(m => m.ToExpr()));
            if (!factorings.TryGetValue(polynomial, out var c)) factorings[polynomial] = c = Polynomials.Factor(coefficient);
            return new Monomial(c.Coefficient, Merge(c.Powers, structure));
        }).ToList();
        return Group(factored);
    }

    /// <summary>Pulls out what all terms share, then splits by the atom most terms share and recurses on both parts.</summary>
    private static Expr Group(List<Monomial> terms)
    {
        if (terms.Count == 1) return terms[0].ToExpr();
        var common = Common(terms);
        var rest = terms.Select(t => Divide(t, common)).ToList();
        var best = rest.SelectMany(t => t.Powers.Select(kv => (Atom: kv.Key, Sign: kv.Value.Numerator.Sign)))
            .GroupBy(a => a)
            .Select(g => (g.Key, Count: g.Count()))
            .Where(g => g.Count >= 2)
            .OrderByDescending(g => g.Count)
            .ThenBy(g => IsScalar(g.Key.Atom) ? 1 : 0) // prefer structure over a scalar on ties: the scalars then read as its coefficients
            .ThenBy(g => g.Key.Atom, ExprOrder.Instance)
            .ThenBy(g => g.Key.Sign)
            .Select(g => (Found: true, g.Key))
            .FirstOrDefault();
        Expr inner;
        if (!best.Found) inner = Sum.Of(rest.Select(t => t.ToExpr()));
        else
        {
            bool Has(Monomial t) => t.Powers.TryGetValue(best.Key.Atom, out var p) && p.Numerator.Sign == best.Key.Sign;
            var with = rest.Where(Has).ToList();
            var without = rest.Where(t => !Has(t)).ToList();
            inner = without.Count == 0 ? Group(with) : Sum.Of(Group(with), Group(without));
        }
        return Product.Of(common.ToExpr(), inner);
    }

    /// <summary>What every term has: the rational content and each atom present in all terms with one sign of exponent, to the smallest power.</summary>
    private static Monomial Common(IReadOnlyList<Monomial> terms)
    {
        var content = Polynomials.Content(terms.Select(t => t.Coefficient));
        if (terms.All(t => t.Coefficient.Numerator.Sign < 0)) content = Number.Of(-content.Numerator, content.Denominator);
        var powers = new Dictionary<Expr, Number>();
        foreach (var (atom, first) in terms[0].Powers)
        {
            var exponent = first;
            bool shared = true;
            foreach (var t in terms)
            {
                if (!t.Powers.TryGetValue(atom, out var p) || p.Numerator.Sign != first.Numerator.Sign) { shared = false; break; }
                if (Abs(p).CompareValue(Abs(exponent)) < 0) exponent = p;
            }
            if (shared) powers[atom] = exponent;
        }
        return new Monomial(content, powers);
    }

    private static Monomial Divide(Monomial t, Monomial by)
    {
        var powers = new Dictionary<Expr, Number>(t.Powers);
        foreach (var (atom, p) in by.Powers)
        {
            var left = powers[atom] + Number.Of(-p.Numerator, p.Denominator);
            if (left.IsZero) powers.Remove(atom); else powers[atom] = left;
        }
        return new Monomial(t.Coefficient * by.Coefficient.Pow(-1), powers);
    }

    private static Dictionary<Expr, Number> Merge(IReadOnlyDictionary<Expr, Number> a, IReadOnlyDictionary<Expr, Number> b)
    {
        var powers = new Dictionary<Expr, Number>(a);
        foreach (var (atom, p) in b)
        {
            var sum = powers.TryGetValue(atom, out var q) ? q + p : p;
            if (sum.IsZero) powers.Remove(atom); else powers[atom] = sum;
        }
        return powers;
    }

    /// <summary>Scalar parameters and constants (T, d_v, sigma_a, pi): what coefficients are made of.</summary>
    private static bool IsScalar(Expr atom) => atom is Symbol or MathConstant;

    private static Number Abs(Number n) => n.Numerator.Sign < 0 ? Number.Of(-n.Numerator, n.Denominator) : n;

    private static Monomial ToMonomial(Expr term)
    {
        var (c, rest) = Product.Split(term);
        var factors = rest switch
        {
            Number => [],
            Product p => p.Factors,
            _ => (IReadOnlyList<Expr>)[rest],
        };
        var powers = new Dictionary<Expr, Number>();
        foreach (var f in factors)
        {
            var (atom, exponent) = f is Power { Exponent: Number n } pw ? (pw.Base, n) : (Inside(f), Number.One);
            powers[atom] = powers.TryGetValue(atom, out var q) ? q + exponent : exponent;
        }
        return new Monomial(c, powers);
    }

    /// <summary>An atom with its arguments collected, where that keeps its expansion (bases of numeric powers stay as they are).</summary>
    private static Expr Inside(Expr atom) =>
        atom.Children.Count == 0 || atom is Sum or Product ? atom : InsideMemo.GetValue(atom, CollectInside);

    // An atom recurs in many terms of a derived sum (a kernel, a moment, a power of a sum): collected once while it lives.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Expr, Expr> InsideMemo = [];

    private static Expr CollectInside(Expr atom)
    {
        var children = atom.Children.Select(CollectExpanded).ToList();
        // Arguments that collect to themselves (the symbols of kernels and moments) leave the atom as it is.
        if (children.Select((c, k) => ReferenceEquals(c, atom.Children[k])).All(same => same)) return atom;
        var rebuilt = atom.Rebuild(children);
        return Expansion.Expand(rebuilt).Equals(atom) ? rebuilt : atom;
    }

    /// <summary>Polynomials in scalar symbols, as lists of monomials: content and factors (v - r).</summary>
    private static class Polynomials
    {
        // Integer roots tried for each variable: enough for the (T - 1), (T - 2), (d_v + 2) of the derivations.
        private static readonly int[] Roots = [1, -1, 2, -2, 3, -3, 4, -4];

        /// <summary>The positive rational gcd of some rationals (the gcd of the numerators over the lcm of the denominators).</summary>
        public static Number Content(IEnumerable<Number> values)
        {
            System.Numerics.BigInteger p = 0, q = 1;
            foreach (var v in values)
            {
                p = System.Numerics.BigInteger.GreatestCommonDivisor(p, v.Numerator);
                q = q / System.Numerics.BigInteger.GreatestCommonDivisor(q, v.Denominator) * v.Denominator;
            }
            return p.IsZero ? Number.One : Number.Of(p, q);
        }

        /// <summary>The polynomial as content times factors: one monomial whose atoms include the factor polynomials.</summary>
        public static Monomial Factor(List<Monomial> terms)
        {
            var common = Common(terms);
            var primitive = terms.Select(t => Divide(t, common)).ToList();
            if (primitive.Count == 1) return common with { Coefficient = common.Coefficient * primitive[0].Coefficient };
            var factors = new List<Expr>();
            bool found;
            do
            {
                found = false;
                foreach (var v in Variables(primitive))
                    foreach (var r in Roots)
                        if (IsRoot(primitive, v, r))
                        {
                            primitive = DivideByLinear(primitive, v, r);
                            factors.Add(Sum.Of(v, Number.Of(-r)));
                            found = true;
                            goto next;
                        }
                next:;
            } while (found && primitive.Count > 1);

            // The rest, signed so that its first printed term is positive.
            var coefficient = common.Coefficient;
            if (Sum.Of(primitive.Select(t => t.ToExpr())) is Sum unsigned
                && Product.Split(unsigned.Terms.First(t => t is not Number)).Coefficient.Numerator.Sign < 0)
            {
                coefficient = Number.Of(-coefficient.Numerator, coefficient.Denominator);
                primitive = primitive.Select(t => t with { Coefficient = Number.Of(-t.Coefficient.Numerator, t.Coefficient.Denominator) }).ToList();
            }
            var rest = Sum.Of(primitive.Select(t => t.ToExpr()));
            var powers = new Dictionary<Expr, Number>(common.Powers);
            foreach (var f in factors.Append(rest))
            {
                if (f is Sum) powers[f] = powers.TryGetValue(f, out var q) ? q + Number.One : Number.One;
                else
                {
                    var m = ToMonomial(f);
                    coefficient *= m.Coefficient;
                    powers = Merge(powers, m.Powers);
                }
            }
            return new Monomial(coefficient, powers);
        }

        /// <summary>Symbols in which the polynomial is an ordinary polynomial (non-negative integer exponents) of degree at least 1.</summary>
        private static IEnumerable<Symbol> Variables(List<Monomial> terms) =>
            terms.SelectMany(t => t.Powers.Keys).OfType<Symbol>().Distinct()
                .Where(v => terms.All(t => !t.Powers.TryGetValue(v, out var p) || p.IsInteger && p.Numerator.Sign > 0))
                .OrderBy(v => v, ExprOrder.Instance)
                .ToList();

        private static int Degree(Monomial t, Symbol v) => t.Powers.TryGetValue(v, out var p) ? (int)p.Numerator : 0;

        private static Monomial Without(Monomial t, Symbol v) =>
            new(t.Coefficient, t.Powers.Where(kv => !kv.Key.Equals(v)).ToDictionary());

        private static bool IsRoot(List<Monomial> terms, Symbol v, int r) =>
            Sum.Of(terms.Select(t => Product.Of(Number.Of(r).Pow(Degree(t, v)), Without(t, v).ToExpr()))) is Number { IsZero: true };

        /// <summary>The exact quotient by (v - r) of a polynomial with root v = r: synthetic division over coefficients in the other symbols.</summary>
        private static List<Monomial> DivideByLinear(List<Monomial> terms, Symbol v, int r)
        {
            int n = terms.Max(t => Degree(t, v));
            var a = new Expr[n + 1];
            for (int k = 0; k <= n; k++) a[k] = Sum.Of(terms.Where(t => Degree(t, v) == k).Select(t => Without(t, v).ToExpr()));
            var q = new Expr[n];
            q[n - 1] = a[n];
            for (int k = n - 1; k >= 1; k--) q[k - 1] = Expansion.Expand(Sum.Of(a[k], Product.Of(Number.Of(r), q[k])));
            var quotient = Expansion.Expand(Sum.Of(Enumerable.Range(0, n).Select(k => Product.Of(Power.Of(v, k), q[k]))));
            return (quotient is Sum s ? s.Terms : (IReadOnlyList<Expr>)[quotient]).Select(ToMonomial).ToList();
        }
    }
}
