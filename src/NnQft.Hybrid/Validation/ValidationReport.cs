// SPDX-License-Identifier: MIT
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NnQft.Hybrid.Validation;

/// <summary>
/// The outcome of <c>nnqft validate</c>: every comparison row and whether all of them agree, i.e. |z| &lt; <see cref="ZLimit"/>.
/// Serialises to the <c>report.json</c> of INTERFACE.md.
/// </summary>
public sealed record ValidationReport(IReadOnlyList<ValidationRow> Rows, string Method)
{
    /// <summary>Agreement bound in standard errors: a row fails when |z| reaches it.</summary>
    public const double ZLimit = 5.0;

    /// <summary>True when every row has |z| &lt; <see cref="ZLimit"/>.</summary>
    public bool Passed => Rows.All(r => Math.Abs(r.Z) < ZLimit);

    /// <summary>The largest |z| over the rows (0 when there are none).</summary>
    public double MaxAbsZ => Rows.Count == 0 ? 0 : Rows.Max(r => Math.Abs(r.Z));

    /// <summary>The report as indented JSON: <c>{ "passed": ..., "rows": [ { "quantity", "theory", "monteCarlo", "stderr", "z" } ] }</c>.</summary>
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
