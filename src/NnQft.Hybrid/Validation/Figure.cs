// SPDX-License-Identifier: MIT
namespace NnQft.Hybrid.Validation;

/// <summary>A curve drawn as a line (typically theory).</summary>
/// <example><code>var theory = new LineSeries("theory", X: [0.0, 0.5, 1.0], Y: [1.0, 0.8, 0.5]);</code></example>
public sealed record LineSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>Points with one-sigma vertical error bars (typically Monte Carlo).</summary>
/// <example><code>var mc = new PointSeries("Monte Carlo", X: [0.0, 0.5], Y: [0.99, 0.81], Error: [0.01, 0.01]);</code></example>
public sealed record PointSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<double> Error);

/// <summary>
/// What one validation plot shows, independent of the plotting library. On a log axis only positive values can be
/// drawn; renderers leave out the others.
/// </summary>
/// <param name="FileName">PNG file name inside the output folder.</param>
/// <param name="Title">Plot title.</param>
/// <param name="XLabel">Horizontal axis label.</param>
/// <param name="YLabel">Vertical axis label.</param>
/// <param name="Lines">Curves (theory).</param>
/// <param name="Points">Points with error bars (Monte Carlo).</param>
/// <param name="LogX">Logarithmic horizontal axis.</param>
/// <param name="LogY">Logarithmic vertical axis.</param>
/// <example><code>var fig = new Figure("g2.png", "G2 along a ray", "r", "G2", [new LineSeries("theory", [0.0, 1.0], [1.0, 0.5])], [], LogY: true);</code></example>
public sealed record Figure(
    string FileName,
    string Title,
    string XLabel,
    string YLabel,
    IReadOnlyList<LineSeries> Lines,
    IReadOnlyList<PointSeries> Points,
    bool LogX = false,
    bool LogY = false);
