// SPDX-License-Identifier: MIT
using System.Linq.Expressions;
using System.Reflection;
using LExpr = System.Linq.Expressions.Expression;

namespace NnQft.Symbolic;

/// <summary>
/// An expression compiled to a delegate over the caller's parameter list (see
/// <see cref="Compiler.Compile(Expr, IReadOnlyList{Symbol}, IReadOnlyList{TabulatedVariable})"/>). Opaque nodes get
/// their values from a <see cref="NodeValues"/>, one typed method per node kind; a call allocates nothing.
/// </summary>
/// <example><code>
/// var x = Sym.Var("x"); CompiledExpression f = Compiler.Compile(x * x + 1, [x]);
/// double y = f.Evaluate([3.0]); // 10
/// </code></example>
public sealed class CompiledExpression
{
    private readonly Func<double[], NodeValues, double[][], double> raw;

    internal CompiledExpression(IReadOnlyList<Symbol> parameters, bool usesNodeValues, Func<double[], NodeValues, double[][], double> raw)
    {
        Parameters = parameters;
        UsesNodeValues = usesNodeValues;
        this.raw = raw;
    }

    /// <summary>The parameters, in the order the caller gave them (and <see cref="Evaluate(double[])"/> expects their values).</summary>
    /// <example><code>var (a, b) = (Sym.Var("a"), Sym.Var("b")); var f = Compiler.Compile(b - a, [b, a]); string first = f.Parameters[0].Name; // "b"</code></example>
    public IReadOnlyList<Symbol> Parameters { get; }

    /// <summary>True when the expression has opaque nodes (kernels, moments, functions) that need <see cref="NodeValues"/>.</summary>
    /// <example><code>bool needs = Compiler.Compile(Kernel.Of(1, Sym.Var("x"), Sym.Var("x")), [Sym.Var("x")]).UsesNodeValues; // true</code></example>
    public bool UsesNodeValues { get; }

    /// <summary>The value at <paramref name="values"/> (one per parameter, in order); no opaque nodes.</summary>
    /// <example><code>var x = Sym.Var("x"); double y = Compiler.Compile(Sym.Exp(x), [x]).Evaluate([0.0]); // 1</code></example>
    public double Evaluate(double[] values) => Evaluate(values, NodeValues.None, []);

    /// <summary>The value, with opaque nodes from <paramref name="nodes"/>.</summary>
    /// <example><code>var x = Sym.Var("x"); double y = Compiler.Compile(Apply.Of("f", [x]), [x]).Evaluate([2.0], new HashedNodeValues(3));</code></example>
    public double Evaluate(double[] values, NodeValues nodes) => Evaluate(values, nodes, []);

    /// <summary>The value, also reading the tabulated random variables from <paramref name="tables"/> (one flat table each, in order).</summary>
    /// <example><code>
    /// var v = RandomVariable.Of("v", [Sym.Var("i")], []);
    /// double y = Compiler.Compile(v * v, [Sym.Var("i")], [new TabulatedVariable("v", [1])]).Evaluate([1.0], NodeValues.None, [[3.0]]); // 9
    /// </code></example>
    public double Evaluate(double[] values, NodeValues nodes, double[][] tables)
    {
        if (values.Length != Parameters.Count)
            throw new ArgumentException($"expected {Parameters.Count} parameter values ({string.Join(", ", Parameters.Select(p => p.Name))}), got {values.Length}", nameof(values));
        return raw(values, nodes, tables);
    }

    /// <summary>Convenience: parameter values by name and node values from an environment (same contract as the interpreter).</summary>
    /// <example><code>var x = Sym.Var("x"); double y = Compiler.Compile(x + 1, [x]).Evaluate(EvaluationEnvironment.OfSymbols(new Dictionary&lt;string, double&gt; { ["x"] = 2 })); // 3</code></example>
    public double Evaluate(EvaluationEnvironment env)
    {
        var values = Parameters.Select(p => env.Symbols.TryGetValue(p.Name, out var v) ? v
            : throw new InvalidOperationException($"no value for the symbol {p.Name}")).ToArray();
        return raw(values, env.Nodes, []);
    }
}

/// <summary>
/// A random variable whose values the compiled code reads from a flat table instead of a callback: the value of
/// Name(i1, ..., ik) (indices then points, each 1-based) is table[sum_j (i_j - 1) * Strides[j]].
/// </summary>
/// <example><code>var c = new TabulatedVariable("c", Strides: [4, 1]); // c(i, j) = table[(i - 1) * 4 + (j - 1)]</code></example>
public sealed record TabulatedVariable(string Name, IReadOnlyList<int> Strides);

/// <summary>
/// Compiles expressions to delegates through System.Linq.Expressions, against the caller's parameter list (as Math.NET
/// Symbolics' <c>Linq.formatLambda expr args</c>). Common subexpressions are computed once, in the innermost loop scope
/// they depend on (loop-invariant code is hoisted out of index sums). Each node kind maps to one call: functions to
/// <see cref="NumericFunctions"/>, kernels, attention moments and named functions to their <see cref="NodeValues"/> method.
/// </summary>
/// <example><code>var r = Sym.Var("r"); var f = Compiler.Compile(Sym.Exp(-r), [r]); double k = f.Evaluate([0.0]); // 1</code></example>
public static class Compiler
{
    /// <summary>
    /// Compiles e as a function of <paramref name="parameters"/> (in that order). Every free symbol of e must be a
    /// parameter; parameters e does not use are allowed. <paramref name="tabulated"/> random variables are read from
    /// flat tables instead of <see cref="NodeValues.Function"/>.
    /// </summary>
    /// <example><code>var (x, y) = (Sym.Var("x"), Sym.Var("y")); CompiledExpression f = Compiler.Compile(Sym.Sin(x) * y, [y, x]); double v = f.Evaluate([2.0, 0.0]); // 0</code></example>
    public static CompiledExpression Compile(Expr e, IReadOnlyList<Symbol> parameters, IReadOnlyList<TabulatedVariable>? tabulated = null)
    {
        tabulated ??= [];
        var list = parameters.ToList();
        if (list.Distinct().Count() != list.Count)
            throw new ArgumentException("each parameter may appear once: " + string.Join(", ", list.Select(p => p.Name)), nameof(parameters));
        var missing = FreeSymbols.Of(e).Where(s => !list.Contains(s)).Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"the expression depends on {string.Join(", ", missing)}, which are not among the parameters", nameof(parameters));
        var values = LExpr.Parameter(typeof(double[]), "values");
        var nodes = LExpr.Parameter(typeof(NodeValues), "nodes");
        var tables = LExpr.Parameter(typeof(double[][]), "tables");
        var top = new Scope(null, null);
        var context = new Context(list, values, nodes, tables, tabulated, top);
        var result = context.Emit(e, top);
        var body = LExpr.Block(top.Variables, [.. top.Statements, result]);
        var lambda = LExpr.Lambda<Func<double[], NodeValues, double[][], double>>(body, values, nodes, tables);
        return new CompiledExpression(list, context.UsesNodeValues, lambda.Compile());
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

    private sealed class Context(List<Symbol> parameters, ParameterExpression values, ParameterExpression nodes,
        ParameterExpression tables, IReadOnlyList<TabulatedVariable> tabulated, Scope top)
    {
        private readonly Dictionary<string, ParameterExpression> tableVariables = [];

        public bool UsesNodeValues { get; private set; }

        private static readonly MethodInfo Pow = typeof(Math).GetMethod(nameof(Math.Pow))!;
        private static readonly MethodInfo IntPow = typeof(Evaluator).GetMethod(nameof(Evaluator.IntPow), BindingFlags.Static | BindingFlags.NonPublic)!;
        private static readonly MethodInfo Eval1 = typeof(NumericFunctions).GetMethod(nameof(NumericFunctions.Evaluate1))!;
        private static readonly MethodInfo Eval2 = typeof(NumericFunctions).GetMethod(nameof(NumericFunctions.Evaluate2))!;
        private static readonly MethodInfo KernelValue = typeof(NodeValues).GetMethod(nameof(NodeValues.Kernel))!;
        private static readonly MethodInfo MomentValue = typeof(NodeValues).GetMethod(nameof(NodeValues.AttentionMoment))!;
        private static readonly MethodInfo FunctionValue = typeof(NodeValues).GetMethod(nameof(NodeValues.Function))!;
        private static readonly MethodInfo Arguments = typeof(NodeArguments).GetMethod(nameof(NodeArguments.Create), BindingFlags.Static | BindingFlags.NonPublic)!;

        public LExpr Emit(Expr e, Scope current)
        {
            switch (e)
            {
                case Number n: return LExpr.Constant(n.ToDouble());
                case MathConstant c: return LExpr.Constant(c.Value);
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
                case Kernel kn:
                    UsesNodeValues = true;
                    return LExpr.Call(nodes, KernelValue, Emit(kn.Token, scope), Emit(kn.A, scope), Emit(kn.B, scope));
                case AttentionMoment m:
                    UsesNodeValues = true;
                    return LExpr.Call(nodes, MomentValue, LExpr.Constant(m.Degree), Pack(m.Children, scope));
                case Apply a:
                    UsesNodeValues = true;
                    return LExpr.Call(nodes, FunctionValue, LExpr.Constant(a.Name), Pack(a.Args, scope));
                case RandomVariable r when tabulated.FirstOrDefault(t => t.Name == r.Name) is { } table: return Lookup(table, r.Children, scope);
                case RandomVariable r:
                    UsesNodeValues = true;
                    return LExpr.Call(nodes, FunctionValue, LExpr.Constant(r.Name), Pack(r.Children, scope));
                case KroneckerDelta d:
                    return LExpr.Condition(LExpr.Equal(Emit(d.I, scope), Emit(d.J, scope)), LExpr.Constant(1.0), LExpr.Constant(0.0));
                case IndexSum i: return Loop(i, scope);
                case Expectation or Cumulant:
                    throw new NotSupportedException("expectations and cumulants are opaque to the compiler; name them first (e.g. AttentionMomentSymbols.ToMomentSymbols)");
                default: throw new NotSupportedException(e.GetType().Name);
            }
        }

        // The arguments travel by value (a NodeArguments struct), so no callback sees a buffer that later calls refill.
        private LExpr Pack(IReadOnlyList<Expr> args, Scope scope)
        {
            if (args.Count > NodeArguments.Capacity) throw new NotSupportedException($"a node with {args.Count} arguments (at most {NodeArguments.Capacity})");
            var items = new List<LExpr> { LExpr.Constant(args.Count) };
            for (int k = 0; k < NodeArguments.Capacity; k++) items.Add(k < args.Count ? Emit(args[k], scope) : LExpr.Constant(0.0));
            return LExpr.Call(Arguments, items);
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
