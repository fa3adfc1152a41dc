// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using NnQft.Model;
using NnQft.Symbolic;

namespace NnQft.Cli.Commands;

/// <summary>
/// <c>nnqft derive</c>: the correlator derived by the symbolic engine from the architecture (docs/cli.md
/// sections 2 and 4). Scalar parameters stay symbols; the structure of the architecture shapes the expression.
/// </summary>
internal static class DeriveCommand
{
    private static readonly string[] Formats = ["text", "latex", "json", "sympy"];

    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "Architecture JSON file (default: the embedded default)." };
        var order = new Option<int>("--order") { Description = "Order n of G_n: 2, 4 or 6.", DefaultValueFactory = _ => 2 };
        var connected = new Option<bool>("--connected") { Description = "Print the connected part G_nc." };
        var format = new Option<string>("--format") { Description = "Output format: text, latex, json or sympy.", DefaultValueFactory = _ => "text" };
        var command = new Command("derive", "Derive G_n (or its connected part) symbolically in the attention-weight representation.")
        {
            config, order, connected, format,
        };
        command.SetAction(parse => CliRunner.Guard(() =>
        {
            int n = parse.GetValue(order);
            if (n is not (2 or 4 or 6))
                throw new InvalidInputException("--order", "must be 2, 4 or 6", n.ToString(CultureInfo.InvariantCulture));
            var fmt = parse.GetValue(format) ?? "text";
            if (!Formats.Contains(fmt))
                throw new InvalidInputException("--format", "must be text, latex, json or sympy", fmt);
            var architecture = InputLoader.Architecture(parse.GetValue(config));
            var derivation = Derive.Correlator(architecture, n, parse.GetValue(connected));
            Console.Out.WriteLine(Render(derivation, fmt));
            return CliRunner.Ok;
        }));
        return command;
    }

    // Every format prints the collected form (like terms merged, common factors out); it expands to the derived value.
    private static string Render(CorrelatorDerivation d, string format)
    {
        var value = Collection.Collect(d.Value);
        switch (format)
        {
            case "latex": return LatexPrinter.Print(value);
            case "json": return JsonPrinter.Print(value);
            case "sympy": return SympyPrinter.Print(value);
        }
        var name = $"G{d.Order}{(d.Connected ? "c" : "")}({string.Join(", ", d.Points.Select(p => p.Name))})";
        var text = $"{name} = {TextPrinter.Print(value)}";
        if (d.Connected && d.Order >= 4)
            text += $"{Environment.NewLine}  independence breaking (d_v^0): {TextPrinter.Print(Collection.Collect(d.IndependenceBreaking))}" +
                    $"{Environment.NewLine}  finite width (O(1/d_v)): {TextPrinter.Print(Collection.Collect(d.FiniteWidth))}";
        return text;
    }
}
