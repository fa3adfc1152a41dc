// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>The tree-walking interpreter: evaluates an expression in an environment (index sums as loops).</summary>
/// <example><code>double y = Evaluator.Evaluate(Sym.Var("x") * 2, EvaluationEnvironment.OfSymbols(new Dictionary&lt;string, double&gt; { ["x"] = 3 })); // 6</code></example>
public static class Evaluator
{
    /// <summary>The numeric value of e.</summary>
    /// <example><code>double y = Evaluator.Evaluate(Sym.Cos(Sym.Var("x")), EvaluationEnvironment.OfSymbols(new Dictionary&lt;string, double&gt; { ["x"] = 0 })); // 1</code></example>
    public static double Evaluate(Expr e, EvaluationEnvironment env) => Eval(e, env, new Dictionary<string, double>());

    private static double Eval(Expr e, EvaluationEnvironment env, Dictionary<string, double> bound)
    {
        switch (e)
        {
            case Number n: return n.ToDouble();
            case MathConstant c: return c.Value;
            case Symbol s:
                if (bound.TryGetValue(s.Name, out var b)) return b;
                if (env.Symbols.TryGetValue(s.Name, out var v)) return v;
                throw new InvalidOperationException($"no value for the symbol {s.Name}");
            case Sum sum:
                double acc = 0;
                foreach (var t in sum.Terms) acc += Eval(t, env, bound);
                return acc;
            case Product p:
                double prod = p.Coefficient.ToDouble();
                foreach (var f in p.Factors) prod *= Eval(f, env, bound);
                return prod;
            case Power pw: return Pow(Eval(pw.Base, env, bound), pw.Exponent, Eval(pw.Exponent, env, bound));
            case FunctionCall f: return NumericFunctions.Evaluate(f.Kind, f.Args.Select(a => Eval(a, env, bound)).ToArray());
            case Kernel k: return env.Nodes.Kernel(Eval(k.Token, env, bound), Eval(k.A, env, bound), Eval(k.B, env, bound));
            case AttentionMoment m: return env.Nodes.AttentionMoment(m.Degree, Arguments(m.Children, env, bound));
            case Apply a: return env.Nodes.Function(a.Name, Arguments(a.Args, env, bound));
            case RandomVariable r: return env.Nodes.Function(r.Name, Arguments(r.Children, env, bound));
            case KroneckerDelta d: return Eval(d.I, env, bound) == Eval(d.J, env, bound) ? 1 : 0;
            case IndexSum i:
                long lo = checked((long)Math.Round(Eval(i.Lower, env, bound))), hi = checked((long)Math.Round(Eval(i.Upper, env, bound)));
                double total = 0;
                bool had = bound.TryGetValue(i.Index.Name, out var saved);
                for (long k = lo; k <= hi; k++)
                {
                    bound[i.Index.Name] = k;
                    total += Eval(i.Body, env, bound);
                }
                if (had) bound[i.Index.Name] = saved; else bound.Remove(i.Index.Name);
                return total;
            case Expectation or Cumulant:
                // Bound indices are known by name here (whatever assumptions their symbols carry).
                var closed = bound.Count == 0 ? e : Substitution.Apply(e, FreeSymbols.Of(e).Where(s => bound.ContainsKey(s.Name))
                    .ToDictionary(s => (Expr)s, s => (Expr)Number.Of((long)bound[s.Name])));
                return env.OpaqueNode(closed);
            default: throw new NotSupportedException(e.GetType().Name);
        }
    }

    private static NodeArguments Arguments(IReadOnlyList<Expr> args, EvaluationEnvironment env, Dictionary<string, double> bound)
    {
        Span<double> values = stackalloc double[NodeArguments.Capacity];
        if (args.Count > values.Length) throw new NotSupportedException($"a node with {args.Count} arguments (at most {NodeArguments.Capacity})");
        for (int k = 0; k < args.Count; k++) values[k] = Eval(args[k], env, bound);
        return NodeArguments.Of(values[..args.Count]);
    }

    /// <summary>x^y with exact handling of integer exponents of negative bases.</summary>
    internal static double Pow(double x, Expr exponent, double y) =>
        exponent is Number { IsInteger: true } n && n.Numerator >= -64 && n.Numerator <= 64 ? IntPow(x, (int)n.Numerator) : Math.Pow(x, y);

    internal static double IntPow(double x, int n)
    {
        double r = 1, b = n < 0 ? 1 / x : x;
        for (int k = Math.Abs(n); k > 0; k >>= 1, b *= b) if ((k & 1) == 1) r *= b;
        return r;
    }
}
