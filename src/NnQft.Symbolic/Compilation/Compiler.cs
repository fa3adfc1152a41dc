// SPDX-License-Identifier: MIT
using System.Linq.Expressions;
using System.Reflection;
using LExpr = System.Linq.Expressions.Expression;

namespace NnQft.Symbolic;

/// <summary>A callback for an opaque node (kernel, moment, random variable) given its evaluated arguments.</summary>
/// <example><code>OpaqueCallback kernel = args =&gt; Math.Exp(-args[1] * args[2]);</code></example>
public delegate double OpaqueCallback(double[] args);

/// <summary>
/// An expression compiled to a delegate. Parameters are the free symbols (sorted by name); opaque nodes call
/// the callback of their name (kernels "k" with [token, a, b], applications by name, random variables by name
/// with [indices..., points...]).
/// </summary>
/// <example><code>
/// var x = Sym.Var("x"); CompiledExpression f = Compiler.Compile(x * x + 1);
/// double y = f.Evaluate([3.0], []); // 10
/// </code></example>
public sealed class CompiledExpression
{
    private readonly Func<double[], OpaqueCallback[], double[][], double> raw;

    internal CompiledExpression(IReadOnlyList<Symbol> parameters, IReadOnlyList<string> opaqueNames, Func<double[], OpaqueCallback[], double[][], double> raw)
    {
        Parameters = parameters;
        OpaqueNames = opaqueNames;
        this.raw = raw;
    }

    /// <summary>The free symbols, in the order <see cref="Evaluate(double[], OpaqueCallback[])"/> expects their values.</summary>
    /// <example><code>var f = Compiler.Compile(Sym.Var("b") - Sym.Var("a")); string first = f.Parameters[0].Name; // "a"</code></example>
    public IReadOnlyList<Symbol> Parameters { get; }

    /// <summary>The opaque function names, in the order of the callbacks array.</summary>
    /// <example><code>var f = Compiler.Compile(Apply.Of("g", [Sym.Var("x")])); string name = f.OpaqueNames[0]; // "g"</code></example>
    public IReadOnlyList<string> OpaqueNames { get; }

    /// <summary>Fast path: values in <see cref="Parameters"/> order, callbacks in <see cref="OpaqueNames"/> order.</summary>
    /// <example><code>double y = Compiler.Compile(Apply.Of("g", [Sym.Var("x")])).Evaluate([2.0], [args =&gt; 10 * args[0]]); // 20</code></example>
    public double Evaluate(double[] values, OpaqueCallback[] callbacks) => raw(values, callbacks, []);

    /// <summary>Fastest path: also the flat tables of the tabulated random variables (see <see cref="Compiler.Compile(Expr, IReadOnlyList{TabulatedVariable})"/>).</summary>
    /// <example><code>var f = Compiler.Compile(Sym.Var("x") * 2); double y = f.Evaluate([1.5], [], []); // 3</code></example>
    public double Evaluate(double[] values, OpaqueCallback[] callbacks, double[][] tables) => raw(values, callbacks, tables);

    /// <summary>Convenience: values and callbacks from an environment (same contract as the interpreter).</summary>
    /// <example><code>double y = Compiler.Compile(Sym.Var("x") + 1).Evaluate(EvaluationEnvironment.OfSymbols(new Dictionary&lt;string, double&gt; { ["x"] = 2 })); // 3</code></example>
    public double Evaluate(EvaluationEnvironment env)
    {
        var values = Parameters.Select(p => env.Symbols.TryGetValue(p.Name, out var v) ? v
            : p.Equals(Constants.Pi) ? Math.PI : throw new InvalidOperationException($"no value for the symbol {p.Name}")).ToArray();
        var callbacks = OpaqueNames.Select(n => (OpaqueCallback)(args => env.Opaque(n, args))).ToArray();
        return raw(values, callbacks, []);
    }
}

/// <summary>
/// A random variable whose values the compiled code reads from a flat table instead of a callback: the value of
/// Name(i1, ..., ik) (indices then points, each 1-based) is table[sum_j (i_j - 1) * Strides[j]].
/// </summary>
/// <example><code>var c = new TabulatedVariable("c", Strides: [4, 1]); // c(i, j) = table[(i - 1) * 4 + (j - 1)]</code></example>
public sealed record TabulatedVariable(string Name, IReadOnlyList<int> Strides);

/// <summary>
/// Compiles expressions to delegates through System.Linq.Expressions. Common subexpressions are computed once,
/// in the innermost loop scope they depend on (loop-invariant code is hoisted out of index sums).
/// </summary>
/// <example><code>var f = Compiler.Compile(Sym.Exp(-Sym.Var("r"))); double k = f.Evaluate([0.0], []); // 1</code></example>
public static class Compiler
{
    /// <summary>Compiles e.</summary>
    /// <example><code>CompiledExpression f = Compiler.Compile(Sym.Sin(Sym.Var("x")));</code></example>
    public static CompiledExpression Compile(Expr e) => Compile(e, []);

    /// <summary>Compiles e, reading the given random variables from flat tables (no callback, no allocation).</summary>
    /// <example><code>
    /// var v = RandomVariable.Of("v", [Sym.Var("i")], []);
    /// var f = Compiler.Compile(v * v, [new TabulatedVariable("v", [1])]); double y = f.Evaluate([1.0], [], [[3.0]]); // 9
    /// </code></example>
    public static CompiledExpression Compile(Expr e, IReadOnlyList<TabulatedVariable> tabulated)
    {
        var parameters = FreeSymbols.Of(e).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var opaque = new List<string>();
        var values = LExpr.Parameter(typeof(double[]), "values");
        var callbacks = LExpr.Parameter(typeof(OpaqueCallback[]), "callbacks");
        var tables = LExpr.Parameter(typeof(double[][]), "tables");
        var top = new Scope(null, null);
        var context = new Context(parameters, opaque, values, callbacks, tables, tabulated, top);
        var result = context.Emit(e, top);
        var body = LExpr.Block(top.Variables, [.. top.Statements, result]);
        var lambda = LExpr.Lambda<Func<double[], OpaqueCallback[], double[][], double>>(body, values, callbacks, tables);
        return new CompiledExpression(parameters, opaque, lambda.Compile());
    }

    private sealed class Scope(Scope? parent, Symbol? index)
    {
        public Scope? Parent { get; } = parent;
        public Symbol? Index { get; } = index;
        public ParameterExpression? IndexVariable { get; init; }
        public List<ParameterExpression> Variables { get; } = [];
        public List<LExpr> Statements { get; } = [];
        public Dictionary<Expr, ParameterExpression> Cache { get; } = [];
        public int Depth => Parent is null ? 0 : Parent.Depth + 1;
    }

    private sealed class Context(List<Symbol> parameters, List<string> opaque, ParameterExpression values, ParameterExpression callbacks,
        ParameterExpression tables, IReadOnlyList<TabulatedVariable> tabulated, Scope top)
    {
        private readonly Dictionary<string, ParameterExpression> tableVariables = [];
        private readonly Dictionary<(string, int), ParameterExpression> scratch = [];

        private static readonly MethodInfo Pow = typeof(Math).GetMethod(nameof(Math.Pow))!;
        private static readonly MethodInfo IntPow = typeof(Evaluator).GetMethod(nameof(Evaluator.IntPow), BindingFlags.Static | BindingFlags.NonPublic)!;
        private static readonly MethodInfo Eval1 = typeof(NumericFunctions).GetMethod(nameof(NumericFunctions.Evaluate1))!;
        private static readonly MethodInfo Eval2 = typeof(NumericFunctions).GetMethod(nameof(NumericFunctions.Evaluate2))!;
        private static readonly MethodInfo Invoke = typeof(OpaqueCallback).GetMethod("Invoke")!;

        public LExpr Emit(Expr e, Scope current)
        {
            switch (e)
            {
                case Number n: return LExpr.Constant(n.ToDouble());
                case Symbol s:
                    for (var sc = current; sc is not null; sc = sc.Parent)
                        if (s.Equals(sc.Index)) return sc.IndexVariable!;
                    break;
            }
            // Cache composite nodes (and parameter loads) in the innermost scope whose index they use.
            var target = current;
            while (target.Parent is not null && !FreeSymbols.Contains(e, target.Index!)) target = target.Parent;
            for (var sc = current; sc is not null; sc = sc.Parent)
                if (sc.Cache.TryGetValue(e, out var cached)) return cached;
            var value = Build(e, target);
            var variable = LExpr.Variable(typeof(double));
            target.Variables.Add(variable);
            target.Statements.Add(LExpr.Assign(variable, value));
            target.Cache[e] = variable;
            return variable;
        }

        private LExpr Build(Expr e, Scope scope)
        {
            switch (e)
            {
                case Symbol s:
                    int index = parameters.IndexOf(s);
                    return LExpr.ArrayIndex(values, LExpr.Constant(index));
                case Sum sum:
                    return sum.Terms.Select(t => Emit(t, scope)).Aggregate(LExpr.Add);
                case Product p:
                    LExpr prod = p.Factors.Select(f => Emit(f, scope)).Aggregate(LExpr.Multiply);
                    return p.Coefficient.IsOne ? prod : LExpr.Multiply(LExpr.Constant(p.Coefficient.ToDouble()), prod);
                case Power pw:
                    var b = Emit(pw.Base, scope);
                    if (pw.Exponent is Number { IsInteger: true } k && k.Numerator >= -64 && k.Numerator <= 64)
                        return k.Numerator == 2 ? LExpr.Multiply(b, b) : LExpr.Call(IntPow, b, LExpr.Constant((int)k.Numerator));
                    return LExpr.Call(Pow, b, Emit(pw.Exponent, scope));
                case FunctionCall f:
                    var kind = LExpr.Constant(f.Kind);
                    return f.Args.Count == 1
                        ? LExpr.Call(Eval1, kind, Emit(f.Args[0], scope))
                        : LExpr.Call(Eval2, kind, Emit(f.Args[0], scope), Emit(f.Args[1], scope));
                case Kernel kn: return Call("k", [kn.Token, kn.A, kn.B], scope);
                case Apply a: return Call(a.Name, a.Args, scope);
                case RandomVariable r when tabulated.FirstOrDefault(t => t.Name == r.Name) is { } table: return Lookup(table, r.Children, scope);
                case RandomVariable r: return Call(r.Name, r.Children, scope);
                case KroneckerDelta d:
                    return LExpr.Condition(LExpr.Equal(Emit(d.I, scope), Emit(d.J, scope)), LExpr.Constant(1.0), LExpr.Constant(0.0));
                case IndexSum i: return Loop(i, scope);
                case Expectation or Cumulant:
                    throw new NotSupportedException("expectations and cumulants are opaque to the compiler; name them first (e.g. AttentionMomentSymbols.ToMomentSymbols)");
                default: throw new NotSupportedException(e.GetType().Name);
            }
        }

        private LExpr Call(string name, IReadOnlyList<Expr> args, Scope scope)
        {
            int slot = opaque.IndexOf(name);
            if (slot < 0) { slot = opaque.Count; opaque.Add(name); }
            // One argument array per (name, arity), allocated once per evaluation and refilled at each call
            // (callbacks must not keep it).
            if (!scratch.TryGetValue((name, args.Count), out var buffer))
            {
                buffer = LExpr.Variable(typeof(double[]), "args_" + name);
                top.Variables.Add(buffer);
                top.Statements.Insert(0, LExpr.Assign(buffer, LExpr.NewArrayBounds(typeof(double), LExpr.Constant(args.Count))));
                scratch[(name, args.Count)] = buffer;
            }
            var fill = args.Select((a, k) => (LExpr)LExpr.Assign(LExpr.ArrayAccess(buffer, LExpr.Constant(k)), Emit(a, scope))).ToList();
            return LExpr.Block([.. fill, LExpr.Call(LExpr.ArrayIndex(callbacks, LExpr.Constant(slot)), Invoke, buffer)]);
        }

        private LExpr Lookup(TabulatedVariable table, IReadOnlyList<Expr> args, Scope scope)
        {
            if (!tableVariables.TryGetValue(table.Name, out var data))
            {
                data = LExpr.Variable(typeof(double[]), "table_" + table.Name);
                top.Variables.Add(data);
                int slot = tabulated.ToList().IndexOf(table);
                top.Statements.Insert(0, LExpr.Assign(data, LExpr.ArrayIndex(tables, LExpr.Constant(slot))));
                tableVariables[table.Name] = data;
            }
            LExpr offset = LExpr.Constant(0);
            for (int k = 0; k < args.Count; k++)
            {
                var index = LExpr.Subtract(LExpr.Convert(Emit(args[k], scope), typeof(int)), LExpr.Constant(1));
                offset = LExpr.Add(offset, LExpr.Multiply(index, LExpr.Constant(table.Strides[k])));
            }
            return LExpr.ArrayIndex(data, offset);
        }

        private LExpr Loop(IndexSum sum, Scope scope)
        {
            var lo = Emit(sum.Lower, scope);
            var hi = Emit(sum.Upper, scope);
            var k = LExpr.Variable(typeof(double), sum.Index.Name);
            var acc = LExpr.Variable(typeof(double), "acc");
            var inner = new Scope(scope, sum.Index) { IndexVariable = k };
            var bodyValue = Emit(sum.Body, inner);
            var exit = LExpr.Label("exit");
            var loop = LExpr.Loop(
                LExpr.IfThenElse(LExpr.GreaterThan(k, hi), LExpr.Break(exit),
                    LExpr.Block(
                        LExpr.Block(inner.Variables, [.. inner.Statements, LExpr.AddAssign(acc, bodyValue)]),
                        LExpr.AddAssign(k, LExpr.Constant(1.0)))),
                exit);
            return LExpr.Block([k, acc], LExpr.Assign(acc, LExpr.Constant(0.0)), LExpr.Assign(k, lo), loop, acc);
        }
    }
}
