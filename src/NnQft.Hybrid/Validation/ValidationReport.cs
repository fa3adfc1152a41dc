// SPDX-License-Identifier: MIT
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NnQft.Hybrid.Validation;

/// <summary>
/// The outcome of <c>nnqft validate</c>: every comparison row and whether all of them agree, i.e. |z| &lt; <see cref="ZLimit"/>.
/// Serialises to the <c>report.json</c> of docs/cli.md section 2.
/// </summary>
/// <example><code>var report = new ValidationReport([ValidationRow.Compare("G2(0,1)", 0.41, 0.0, 0.409, 0.002)], "limit"); bool ok = report.Passed; // true: |z| = 0.5</code></example>
public sealed record ValidationReport(IReadOnlyList<ValidationRow> Rows, string Method)
{
    /// <summary>Agreement bound in standard errors: a row fails when |z| reaches it.</summary>
    /// <example><code>bool ok = Math.Abs(ValidationRow.Compare("G2(0,1)", 0.41, 0.0, 0.409, 0.002).Z) &lt; ValidationReport.ZLimit; // true</code></example>
    public const double ZLimit = 5.0;

    /// <summary>True when every row has |z| &lt; <see cref="ZLimit"/>.</summary>
    /// <example><code>bool passed = new ValidationReport([ValidationRow.Compare("G2(0,1)", 0.41, 0.0, 0.50, 0.002)], "limit").Passed; // false: |z| = 45</code></example>
    public bool Passed => Rows.All(r => Math.Abs(r.Z) < ZLimit);

    /// <summary>The largest |z| over the rows (0 when there are none).</summary>
    /// <example><code>double worst = new ValidationReport([ValidationRow.Compare("a", 1, 0, 1.01, 0.01), ValidationRow.Compare("b", 1, 0, 0.98, 0.01)], "limit").MaxAbsZ; // 2</code></example>
    public double MaxAbsZ => Rows.Count == 0 ? 0 : Rows.Max(r => Math.Abs(r.Z));

    /// <summary>The report as indented JSON: <c>{ "passed": ..., "rows": [ { "quantity", "theory", "monteCarlo", "stderr", "z" } ] }</c>.</summary>
    /// <example><code>File.WriteAllText("validation.json", new ValidationReport([ValidationRow.Compare("G2(0,1)", 0.41, 0.0, 0.409, 0.002)], "limit").ToJson());</code></example>
    public string ToJson()
    {
        var rows = new JsonArray();
        foreach (var r in Rows)
            rows.Add(new JsonObject
            {
                ["quantity"] = r.Quantity,
                ["theory"] = r.Theory,
                ["monteCarlo"] = r.MonteCarlo,
                ["stderr"] = r.Stderr,
                ["z"] = double.IsFinite(r.Z) ? r.Z : null,
            });
        var root = new JsonObject { ["passed"] = Passed, ["method"] = Method, ["maxAbsZ"] = MaxAbsZ, ["rows"] = rows };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
