// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NnQft.Model;
using NnQft.Numerics.Attention;
using NnQft.Symbolic;

namespace NnQft.Cli.Commands;

/// <summary>
/// <c>nnqft attention</c>: the two-point attention moment F_T(sigma^2, rho) = E[A_1(z) A_1(z')] of docs/theory.md
/// section 6, by deterministic quadrature (default), by Monte Carlo over the logits, or its hard-attention limit.
/// </summary>
internal static class AttentionCommand
{
    private static readonly string[] Methods = ["quadrature", "series", "mc", "hard"];

    public static Command Create()
    {
        var tokens = new Option<int>("--tokens") { Description = $"Number of tokens T, 1..{ArchitectureValidator.MaxTokens}.", DefaultValueFactory = _ => 4 };
        var sigma2 = new Option<double>("--sigma2") { Description = "Logit variance sigma^2, in [0, 100].", DefaultValueFactory = _ => 1.0 };
        var rho = new Option<double>("--rho") { Description = "Logit correlation rho between the two points, in [-1, 1].", DefaultValueFactory = _ => 0.5 };
        var method = new Option<string>("--method")
        {
            Description = "quadrature (relative error < 1e-9, stderr 0), mc (Monte Carlo over the logits, with its standard error), " +
                          "hard (the sigma^2 -> infinity limit; --sigma2 is ignored) or series (the small-logit Taylor polynomial through " +
                          "sigma^order, derived by the symbolic engine for symbolic T: softmax expanded, Gaussian moments by Wick, token sums as powers of T).",
            DefaultValueFactory = _ => "quadrature",
        };
        var samples = new Option<long>("--samples") { Description = "Monte Carlo samples (mc only), >= 2.", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<ulong>("--seed") { Description = "Random seed (mc only).", DefaultValueFactory = _ => 1UL };
        var format = new Option<string>("--format") { Description = "json (default) or text (one line; series adds its polynomial for the given T and for symbolic T).", DefaultValueFactory = _ => "json" };
        var order = new Option<int>("--order") { Description = "Series order in sigma: 2, 4, 6, 8 or 10 (series only).", DefaultValueFactory = _ => 4 };
        var command = new Command("attention", "The two-point attention moment F_T(sigma^2, rho) = E[A_1(x) A_1(y)] at d_k = infinity.")
        {
            tokens, sigma2, rho, method, samples, seed, format, order,
        };
        command.SetAction(parse => CliRunner.Guard(() =>
        {
            int t = parse.GetValue(tokens);
            double s2 = parse.GetValue(sigma2), r = parse.GetValue(rho);
            var m = parse.GetValue(method) ?? "quadrature";
            var fmt = parse.GetValue(format) ?? "json";
            if (t < 1 || t > ArchitectureValidator.MaxTokens)
                throw new InvalidInputException("--tokens", $"must be an integer in 1..{ArchitectureValidator.MaxTokens}", t.ToString(CultureInfo.InvariantCulture));
            if (!double.IsFinite(s2) || s2 < 0 || s2 > TokenLogitLaw.MaxVariance)
                throw new InvalidInputException("--sigma2", "must be a number in [0, 100]", Show(s2));
            if (!double.IsFinite(r) || Math.Abs(r) > 1)
                throw new InvalidInputException("--rho", "must be a number in [-1, 1]", Show(r));
            if (!Methods.Contains(m)) throw new InvalidInputException("--method", "must be quadrature, series, mc or hard", m);
            if (fmt is not ("json" or "text")) throw new InvalidInputException("--format", "must be json or text", fmt);
            int k = parse.GetValue(order);
            if (k is not (2 or 4 or 6 or 8 or 10))
                throw new InvalidInputException("--order", "must be 2, 4, 6, 8 or 10", k.ToString(CultureInfo.InvariantCulture));
            string? polynomial = null;
            double seriesValue = 0;
            if (m == "series")
            {
                seriesValue = SmallLogitSeries.Value(k, t, s2, r);
                polynomial = SeriesText(k, t);
            }
            long n = parse.GetValue(samples);
            if (m == "mc" && n < 2) throw new InvalidInputException("--samples", "must be an integer >= 2", n.ToString(CultureInfo.InvariantCulture));
            var (value, stderr) = m switch
            {
                "mc" => FromEstimate(AttentionMonteCarlo.TwoPoint(t, s2, r, n, parse.GetValue(seed))),
                "hard" => (HardAttention.TwoPoint(t, r), 0.0),
                "series" => (seriesValue, 0.0),
                _ => (AttentionMoments.TwoPoint(t, s2, r), 0.0),
            };
            Console.Out.WriteLine(fmt == "text"
                ? $"F_{t}(sigma^2 = {Show(s2)}, rho = {Show(r)}) = {Show(value)} +- {Show(stderr)} ({m})"
                  + (polynomial is null ? "" : Environment.NewLine + polynomial)
                : Json(t, s2, r, value, stderr, m));
            return CliRunner.Ok;
        }));
        return command;
    }

    /// <summary>Longest symbolic-T polynomial printed in text format (order 10 is longer and would swamp the output).</summary>
    private const int MaxSymbolicText = 2000;

    /// <summary>
    /// The series for the given T, and for symbolic T when it fits, in ascending powers of sigma, each followed by
    /// its remainder O(sigma^(order + 2)).
    /// </summary>
    private static string SeriesText(int order, int tokens)
    {
        var fixedT = SmallLogitSeries.TwoPoint(order, tokens);
        var forT = Ascending(Enumerable.Range(0, order + 1).Select(j => Series.Coefficient(fixedT, SmallLogitSeries.Sigma, j)).ToList());
        var remainder = $" + O(sigma^{order + 2})";
        var lines = new List<string> { $"F_{tokens} = {forT}{remainder}" };
        var symbolic = Ascending(SmallLogitSeries.Coefficients(order));
        if (symbolic.Length <= MaxSymbolicText) lines.Add($"F_T = {symbolic}{remainder}");
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>c_0 + sigma^2*(c_2) + ... with the zero coefficients left out.</summary>
    private static string Ascending(IReadOnlyList<Expr> coefficients)
    {
        var parts = new List<string>();
        for (int j = 0; j < coefficients.Count; j++)
        {
            if (coefficients[j] is Number { IsZero: true }) continue;
            var c = TextPrinter.Print(coefficients[j]);
            parts.Add(j == 0 ? c : $"sigma^{j}*({c})");
        }
        return parts.Count == 0 ? "0" : string.Join(" + ", parts);
    }

    private static (double, double) FromEstimate(MonteCarloEstimate e) => (e.Value, e.StandardError);

    private static string Json(int tokens, double sigma2, double rho, double value, double stderr, string method)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("tokens", tokens);
            w.WriteNumber("sigma2", sigma2);
            w.WriteNumber("rho", rho);
            w.WriteNumber("value", value);
            w.WriteNumber("stderr", stderr);
            w.WriteString("method", method);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
