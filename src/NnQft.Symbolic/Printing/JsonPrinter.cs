// SPDX-License-Identifier: MIT
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NnQft.Symbolic;

/// <summary>
/// The expression as a JSON tree of nested objects: <c>{"op": "add", "args": [...]}</c>; ops add, mul, pow,
/// number (value "p/q"), symbol (name), constant (name), function (name, args), kernel (token, args), apply (name, args),
/// random (name, indices, points), delta (args), sum (index, lower, upper, body), expectation (args), cumulant (args).
/// </summary>
/// <example><code>string json = JsonPrinter.Print(Sym.Var("x") + 1);</code></example>
public static class JsonPrinter
{
    /// <summary>The JSON tree.</summary>
    /// <example><code>System.Text.Json.Nodes.JsonNode tree = JsonPrinter.ToJson(Sym.Exp(Sym.Var("x")));</code></example>
    public static JsonNode ToJson(Expr e) => e switch
    {
        Number n => new JsonObject { ["op"] = "number", ["value"] = n.IsInteger ? n.Numerator.ToString() : $"{n.Numerator}/{n.Denominator}" },
        Symbol s => new JsonObject { ["op"] = "symbol", ["name"] = s.Name },
        MathConstant c => new JsonObject { ["op"] = "constant", ["name"] = c.Name },
        Sum s => Op("add", s.Terms),
        Product p => Op("mul", p.Children),
        Power pw => Op("pow", [pw.Base, pw.Exponent]),
        FunctionCall f => Named("function", FunctionNames.Sympy(f.Kind), f.Args),
        Kernel k => new JsonObject { ["op"] = "kernel", ["token"] = ToJson(k.Token), ["args"] = Array([k.A, k.B]) },
        Apply a => Named("apply", a.Name, a.Args),
        // The pair form keeps the shape it always had: { "op": "apply", "name": "M4", "args": [tokens..., points...] }.
        AttentionMoment { IsPaired: true } m => Named("apply", "M" + m.Degree, m.PairArguments),
        AttentionMoment m => ToJson(m.AsExpectation()),
        RandomVariable r => new JsonObject { ["op"] = "random", ["name"] = r.Name, ["indices"] = Array(r.Indices), ["points"] = Array(r.Points) },
        KroneckerDelta d => Op("delta", [d.I, d.J]),
        IndexSum i => new JsonObject { ["op"] = "sum", ["index"] = i.Index.Name, ["lower"] = ToJson(i.Lower), ["upper"] = ToJson(i.Upper), ["body"] = ToJson(i.Body) },
        Expectation x => Op("expectation", [x.Body]),
        Cumulant c => Op("cumulant", c.Args),
        _ => throw new NotSupportedException(e.GetType().Name),
    };

    /// <summary>The JSON text, indented.</summary>
    /// <example><code>string json = JsonPrinter.Print(Derive.Correlator(Architecture.Default, 2, connected: false).Value);</code></example>
    public static string Print(Expr e) => ToJson(e).ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static JsonObject Op(string op, IEnumerable<Expr> args) => new() { ["op"] = op, ["args"] = Array(args) };

    private static JsonObject Named(string op, string name, IEnumerable<Expr> args) => new() { ["op"] = op, ["name"] = name, ["args"] = Array(args) };

    private static JsonArray Array(IEnumerable<Expr> args) => new(args.Select(a => (JsonNode?)ToJson(a)).ToArray());
}
