// SPDX-License-Identifier: MIT
namespace NnQft.Hybrid.Validation;

/// <summary>How a <see cref="LineSeries"/> is drawn.</summary>
/// <example><code>var reference = new LineSeries("G4c(1) / N_h", [1.0, 2.0], [0.02, 0.01], CurveStyle.Dashed);</code></example>
public enum CurveStyle
{
    /// <summary>A solid line (a theory curve).</summary>
    Solid,

    /// <summary>A dashed line (a reference, such as a scaling law).</summary>
    Dashed,

    /// <summary>A solid line with a marker at every value (theory known only at the marked values).</summary>
    SolidWithMarkers,
}

/// <summary>A curve drawn as a line (typically theory).</summary>
/// <example><code>var theory = new LineSeries("theory", X: [0.0, 0.5, 1.0], Y: [1.0, 0.8, 0.5]);</code></example>
public sealed record LineSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y, CurveStyle Style = CurveStyle.Solid);

/// <summary>A shaded band between two curves, e.g. theory plus and minus one standard error; drawn in the colour of
/// the line of the same label when there is one.</summary>
/// <example><code>var band = new BandSeries("theory", X: [1.0, 2.0], Lower: [0.019, 0.0095], Upper: [0.021, 0.0105]);</code></example>
public sealed record BandSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper);

/// <summary>Points with one-sigma vertical error bars (typically Monte Carlo).</summary>
/// <example><code>var mc = new PointSeries("Monte Carlo", X: [0.0, 0.5], Y: [0.99, 0.81], Error: [0.01, 0.01]);</code></example>
public sealed record PointSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<double> Error);

/// <summary>
/// What one validation plot shows, independent of the plotting library. On a log axis only positive values can be
/// drawn; renderers leave out the others.
/// </summary>
/// <param name="FileName">PNG file name inside the output folder.</param>
/// <param name="Title">Plot title.</param>
/// <param name="XLabel">Horizontal axis label, in the symbols of docs/theory.md.</param>
/// <param name="YLabel">Vertical axis label, in the symbols of docs/theory.md.</param>
/// <param name="Lines">Curves (theory).</param>
/// <param name="Points">Points with error bars (Monte Carlo).</param>
/// <param name="LogX">Logarithmic horizontal axis.</param>
/// <param name="LogY">Logarithmic vertical axis.</param>
/// <param name="Bands">Shaded bands (theory's standard error), drawn beneath the lines.</param>
/// <param name="Caption">One sentence on what the figure shows (report.md puts it under the image).</param>
/// <example><code>var fig = new Figure("g2.png", "G2 along a ray", "r", "G_2(r)", [new LineSeries("theory", [0.0, 1.0], [1.0, 0.5])], [], LogY: true, Caption: "G2 falls with r.");</code></example>
public sealed record Figure(
    string FileName,
    string Title,
    string XLabel,
    string YLabel,
    IReadOnlyList<LineSeries> Lines,
    IReadOnlyList<PointSeries> Points,
    bool LogX = false,
    bool LogY = false,
    IReadOnlyList<BandSeries>? Bands = null,
    string Caption = "");
