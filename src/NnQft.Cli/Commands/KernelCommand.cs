// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NnQft.Hybrid.Kernels;
using NnQft.Model;
using NnQft.Numerics.Kernels;
using NnQft.Symbolic;

namespace NnQft.Cli.Commands;

/// <summary>
/// <c>nnqft kernel</c>: a random-feature kernel k(r) of docs/theory.md section 7, its closed form (from the symbolic
/// engine; the free scalar's radial integral from a fixed table) and its values at the requested distances.
/// </summary>
internal static class KernelCommand
{
    private static readonly string[] Families = ["gaussian", "matern", "cauchy", "ball", "freeScalar"];
    private static readonly string[] Formats = ["text", "latex", "json"];

    public static Command Create()
    {
        var family = new Option<string>("--family") { Description = "gaussian, matern, cauchy, ball or freeScalar.", DefaultValueFactory = _ => "gaussian" };
        var lengthScale = new Option<double>("--lengthScale") { Description = "Length scale l (gaussian, matern, cauchy).", DefaultValueFactory = _ => 1.0 };
        var nu = new Option<double?>("--nu") { Description = "Student-t degrees of freedom (matern; required there)." };
        var cutoff = new Option<double?>("--cutoff") { Description = "Ball radius L (ball, freeScalar; required there)." };
        var mass = new Option<double?>("--mass") { Description = "Mass m (freeScalar; required there, > 0 in d <= 2)." };
        var dimension = new Option<int>("--dimension") { Description = $"Space dimension d, 1..{ArchitectureValidator.MaxDimension}.", DefaultValueFactory = _ => 2 };
        var distances = new Option<string>("--r") { Description = "Comma-separated distances r >= 0.", DefaultValueFactory = _ => "0,0.5,1,2" };
        var format = new Option<string>("--format") { Description = "text, latex or json.", DefaultValueFactory = _ => "text" };
        var command = new Command("kernel", "Print a random-feature kernel's closed form and its values k(r).")
        {
            family, lengthScale, nu, cutoff, mass, dimension, distances, format,
        };
        command.SetAction(parse => CliRunner.Guard(() =>
        {
            var fmt = parse.GetValue(format) ?? "text";
            if (!Formats.Contains(fmt)) throw new InvalidInputException("--format", "must be text, latex or json", fmt);
            int d = parse.GetValue(dimension);
            if (d < 1 || d > ArchitectureValidator.MaxDimension)
                throw new InvalidInputException("--dimension", $"must be an integer in 1..{ArchitectureValidator.MaxDimension}", d.ToString(CultureInfo.InvariantCulture));
            var density = Density(parse.GetValue(family) ?? "gaussian", parse.GetValue(lengthScale), parse.GetValue(nu), parse.GetValue(cutoff), parse.GetValue(mass), d);
            var r = ParseDistances(parse.GetValue(distances) ?? "");
            var kernel = KernelEvaluator.For(density, d);
            var values = r.Select(kernel.Value).ToArray();
            var (text, latex) = ClosedForm(density, d);
            Console.Out.WriteLine(fmt switch
            {
                "json" => Json(density.Family, text, latex, r, values),
                "latex" => Latex(latex, r, values),
                _ => Text(density, d, text, r, values),
            });
            return CliRunner.Ok;
        }));
        return command;
    }

    private static SpectralDensity Density(string family, double lengthScale, double? nu, double? cutoff, double? mass, int d)
    {
        SpectralDensity density = family switch
        {
            "gaussian" => new GaussianDensity(lengthScale),
            "cauchy" => new CauchyDensity(lengthScale),
            "matern" => new MaternDensity(nu ?? throw Missing("--nu", "matern needs --nu > 0 (Student-t degrees of freedom)"), lengthScale),
            "ball" => new BallDensity(cutoff ?? throw Missing("--cutoff", "ball needs --cutoff > 0")),
            "freeScalar" => new FreeScalarDensity(
                cutoff ?? throw Missing("--cutoff", "freeScalar needs --cutoff > 0"),
                mass ?? throw Missing("--mass", d <= 2 ? "freeScalar needs --mass > 0 in d <= 2" : "freeScalar needs --mass >= 0")),
            _ => throw new InvalidInputException("--family", "must be gaussian, matern, cauchy, ball or freeScalar", family),
        };
        try
        {
            ArchitectureValidator.Density("", density, d);
        }
        catch (InvalidInputException e)
        {
            // The validator names JSON keys (".nu"); the user typed options.
            throw new InvalidInputException("--" + e.Field.TrimStart('.'), e.Allowed, Got(density, e.Field.TrimStart('.')));
        }
        return density;
    }

    private static InvalidInputException Missing(string option, string allowed) => new(option, allowed, "nothing");

    private static string Got(SpectralDensity density, string field) => (field, density) switch
    {
        ("nu", MaternDensity m) => Show(m.Nu),
        ("lengthScale", GaussianDensity g) => Show(g.LengthScale),
        ("lengthScale", MaternDensity m) => Show(m.LengthScale),
        ("lengthScale", CauchyDensity c) => Show(c.LengthScale),
        ("cutoff", BallDensity b) => Show(b.Cutoff),
        ("cutoff", FreeScalarDensity f) => Show(f.Cutoff),
        ("mass", FreeScalarDensity f) => Show(f.Mass),
        _ => "?",
    };

    private static double[] ParseDistances(string list)
    {
        var parts = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) throw new InvalidInputException("--r", "must be a comma-separated list of distances >= 0", list);
        return parts.Select(p =>
        {
            if (!double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < 0)
                throw new InvalidInputException("--r", "must be a comma-separated list of finite distances >= 0", p);
            return v;
        }).ToArray();
    }

    private static (string Text, string Latex) ClosedForm(SpectralDensity density, int d)
    {
        if (!KernelExpressions.HasClosedForm(density))
        {
            var table = KernelClosedForm.For(density, d);
            return (table.Text, table.Latex);
        }
        var expr = KernelExpressions.For(density, d);
        return (TextPrinter.Print(expr), LatexPrinter.Print(expr));
    }

    private static string Parameters(SpectralDensity density) => density switch
    {
        GaussianDensity g => $"l = {Show(g.LengthScale)}",
        CauchyDensity c => $"l = {Show(c.LengthScale)}",
        MaternDensity m => $"nu = {Show(m.Nu)}, l = {Show(m.LengthScale)}",
        BallDensity b => $"L = {Show(b.Cutoff)}",
        FreeScalarDensity f => $"L = {Show(f.Cutoff)}, m = {Show(f.Mass)}",
        _ => "",
    };

    private static string Text(SpectralDensity density, int d, string closedForm, double[] r, double[] values)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{density.Family} kernel in d = {d} ({Parameters(density)})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"k(r) = {closedForm}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"r",-12} k(r)");
        for (int i = 0; i < r.Length; i++) sb.AppendLine(CultureInfo.InvariantCulture, $"{Show(r[i]),-12} {Show(values[i])}");
        return sb.ToString().TrimEnd();
    }

    private static string Latex(string closedForm, double[] r, double[] values)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"k(r) = {closedForm}");
        sb.AppendLine(@"\begin{tabular}{rr}");
        sb.AppendLine(@"$r$ & $k(r)$ \\ \hline");
        for (int i = 0; i < r.Length; i++) sb.AppendLine(CultureInfo.InvariantCulture, $"{Show(r[i])} & {Show(values[i])} \\\\");
        sb.Append(@"\end{tabular}");
        return sb.ToString();
    }

    private static string Json(string family, string text, string latex, double[] r, double[] values)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("family", family);
            w.WriteString("closedForm", text);
            w.WriteString("latex", latex);
            w.WriteStartArray("r");
            foreach (var v in r) w.WriteNumberValue(v);
            w.WriteEndArray();
            w.WriteStartArray("value");
            foreach (var v in values) w.WriteNumberValue(v);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
