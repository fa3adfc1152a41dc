// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;
using NnQft.Model;

namespace NnQft.Hybrid.Validation;

/// <summary>
/// The <c>report.md</c> of <c>nnqft validate</c>: one Markdown document to send to a colleague, rendered where users
/// share results. It states the architecture and the method, summarises the z-table (the verdict, the largest |z|, how
/// the |z| are spread, the rows with the largest |z|), and embeds every figure (PNG files beside it) with one sentence
/// on what it shows.
/// </summary>
/// <example><code>
/// var none = new CorrelatorResult("exact", 1000, 0.1, [[0.0, 0.0]], new G2Table([[1.0]], [[0.0]]), []);
/// var outcome = new ValidationOutcome(new ValidationReport([ValidationRow.Compare("G2(0,0)", 1.0, 0.0, 1.01, 0.01)], "theory"), none, none, []);
/// string md = ValidationMarkdown.Write(arch, points, new ValidationOptions(), outcome);
/// bool passed = md.Contains("**Passed**: all 1 comparisons have |z| &lt; 5; the largest is |z| = 1.00 at G2(0,0)."); // true
/// </code></example>
public static class ValidationMarkdown
{
    /// <summary>Rows of the z-table shown in the report (those with the largest |z|); report.json has them all.</summary>
    /// <example><code>int shown = ValidationMarkdown.ShownRows; // 12</code></example>
    public const int ShownRows = 12;

    /// <summary>The Markdown text; figures are linked by their file names, so the PNGs belong in the same folder.</summary>
    /// <example><code>
    /// var none = new CorrelatorResult("exact", 1000, 0.1, [[0.0, 0.0]], new G2Table([[1.0]], [[0.0]]), []);
    /// var outcome = new ValidationOutcome(new ValidationReport([ValidationRow.Compare("G2(0,0)", 1.0, 0.0, 1.5, 0.01)], "theory"), none, none, []);
    /// bool failed = ValidationMarkdown.Write(arch, points, new ValidationOptions(), outcome).Contains("**Failed**"); // true
    /// </code></example>
    public static string Write(Architecture architecture, PointSet points, ValidationOptions options, ValidationOutcome outcome)
    {
        var report = outcome.Report;
        var md = new StringBuilder();
        md.AppendLine("# Validation: theory against Monte Carlo").AppendLine();
        var worst = report.Rows.OrderByDescending(r => Math.Abs(r.Z)).FirstOrDefault();
        string largest = worst is null ? "" : $"; the largest is |z| = {Number(Math.Abs(worst.Z), "F2")} at {worst.Quantity}";
        md.AppendLine(report.Passed
            ? $"**Passed**: all {report.Rows.Count} comparisons have |z| < {Number(ValidationReport.ZLimit, "G")}{largest}."
            : $"**Failed**: {report.Rows.Count(r => Math.Abs(r.Z) >= ValidationReport.ZLimit)} of {report.Rows.Count} comparisons have |z| >= {Number(ValidationReport.ZLimit, "G")}{largest}.");
        md.AppendLine();

        ArchitectureSection(md, architecture, points);
        MethodSection(md, options, outcome);
        ZTableSection(md, report);
        FigureSection(md, outcome.Figures);
        return md.ToString();
    }

    private static void ArchitectureSection(StringBuilder md, Architecture a, PointSet points)
    {
        md.AppendLine("## Architecture").AppendLine();
        md.AppendLine("A random attention head (docs/theory.md section 1): random-feature token embeddings, Gaussian query, key and value weights, softmax attention over the tokens, a Gaussian readout.").AppendLine();
        md.AppendLine("| d | T | N_h | D | d_k | d_v | sigma_Q | sigma_K | sigma_V | sigma_a | sigma_b |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        md.AppendLine($"| {a.Dimension} | {a.Tokens} | {a.Heads} | {a.Features} | {a.KeyWidth} | {a.ValueWidth} | {Number(a.SigmaQ, "G")} | {Number(a.SigmaK, "G")} | {Number(a.SigmaV, "G")} | {Number(a.SigmaA, "G")} | {Number(a.SigmaB, "G")} |");
        md.AppendLine();
        md.AppendLine($"Query embedding: {Describe(a.Query)}. Tokens: {string.Join("; ", a.TokenClasses().Select(c => $"{Describe(c.Density)} (token{(c.Tokens.Count > 1 ? "s" : "")} {string.Join(", ", c.Tokens.Select(t => t + 1))})"))}.");
        md.AppendLine();
        md.AppendLine($"Points ({points.Count}, indexed from 0 in the quantities below): {string.Join(", ", Enumerable.Range(0, points.Count).Select(p => "(" + string.Join(", ", points.Point(p).ToArray().Select(c => Number(c, "G"))) + ")"))}.");
        md.AppendLine();
        md.AppendLine("<details><summary>Architecture JSON (<code>--config</code>)</summary>").AppendLine();
        md.AppendLine("```json").AppendLine(ArchitectureJson.ToJson(a)).AppendLine("```").AppendLine().AppendLine("</details>").AppendLine();
    }

    private static void MethodSection(StringBuilder md, ValidationOptions options, ValidationOutcome outcome)
    {
        md.AppendLine("## Method").AppendLine();
        md.AppendLine($"- **Theory**: {outcome.Theory.Method}. The symbolic engine derives G_2 and G_4 from the architecture (docs/theory.md sections 3-6); kernels are evaluated in closed form, two-point attention moments by quadrature, four-point ones by Monte Carlo over the Gaussian logits alone ({outcome.Theory.Samples} samples, seed {options.Seed}), which gives the theory its standard error.");
        md.AppendLine($"- **Monte Carlo**: {outcome.MonteCarlo.Samples} random networks drawn exactly ({outcome.MonteCarlo.Method} sampler) at D = d_k = inf, the architecture's d_v, N_h and bias, seed {options.Seed}: the same ensemble the theory describes. The figures use smaller runs of {options.AuxiliaryNetworks} networks or more each.");
        md.AppendLine($"- **Comparison**: for every G_2 pair and every sorted G_4c tuple, z = (theory - Monte Carlo) / sqrt(se_theory^2 + se_MC^2); a row agrees when |z| < {Number(ValidationReport.ZLimit, "G")}.");
        md.AppendLine();
    }

    private static void ZTableSection(StringBuilder md, ValidationReport report)
    {
        md.AppendLine("## z-table summary").AppendLine();
        double[] edges = [1, 2, 3, ValidationReport.ZLimit];
        var counts = new int[edges.Length + 1];
        foreach (var r in report.Rows)
        {
            double z = Math.Abs(r.Z);
            int bin = 0;
            while (bin < edges.Length && z >= edges[bin]) bin++;
            counts[bin]++;
        }
        md.AppendLine($"{report.Rows.Count} comparisons, largest |z| = {Number(report.MaxAbsZ, "F2")}. For independent Gaussian errors about 68% of the |z| fall below 1 and 95% below 2.").AppendLine();
        md.AppendLine("| \\|z\\| < 1 | 1 to 2 | 2 to 3 | 3 to 5 | >= 5 |");
        md.AppendLine("|---|---|---|---|---|");
        md.AppendLine("| " + string.Join(" | ", counts) + " |").AppendLine();
        var shown = report.Rows.OrderByDescending(r => Math.Abs(r.Z)).Take(ShownRows).ToList();
        md.AppendLine($"The {shown.Count} rows with the largest |z| (all rows: report.json):").AppendLine();
        md.AppendLine("| quantity | theory | Monte Carlo | stderr | z |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var r in shown)
            md.AppendLine($"| {r.Quantity} | {Number(r.Theory, "G6")} | {Number(r.MonteCarlo, "G6")} | {Number(r.Stderr, "G3")} | {(Math.Abs(r.Z) < ValidationReport.ZLimit ? Number(r.Z, "F2") : $"**{Number(r.Z, "F2")}**")} |");
        md.AppendLine();
    }

    private static void FigureSection(StringBuilder md, IReadOnlyList<Figure> figures)
    {
        md.AppendLine("## Figures").AppendLine();
        foreach (var f in figures)
        {
            md.AppendLine($"### {f.Title}").AppendLine();
            md.AppendLine($"![{f.Title}]({f.FileName})").AppendLine();
            if (f.Caption.Length > 0) md.AppendLine(f.Caption).AppendLine();
        }
    }

    private static string Describe(Embedding e) => e switch
    {
        ConstantEmbedding => "constant",
        GaussianDensity g => $"Gaussian spectral density, length scale {Number(g.LengthScale, "G")}",
        MaternDensity m => $"Matern, nu = {Number(m.Nu, "G")}, length scale {Number(m.LengthScale, "G")}",
        CauchyDensity c => $"Cauchy, length scale {Number(c.LengthScale, "G")}",
        BallDensity b => $"uniform in the ball, cutoff {Number(b.Cutoff, "G")}",
        FreeScalarDensity f => $"free scalar, cutoff {Number(f.Cutoff, "G")}, mass {Number(f.Mass, "G")}",
        _ => e.Family,
    };

    private static string Number(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
