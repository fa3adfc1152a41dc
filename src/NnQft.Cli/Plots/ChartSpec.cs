// SPDX-License-Identifier: MIT
namespace NnQft.Cli.Plots;

/// <summary>A curve drawn as a line (typically theory).</summary>
internal sealed record LineSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>Points with one-sigma vertical error bars (typically Monte Carlo).</summary>
internal sealed record PointSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<double> Error);

/// <summary>
/// What one validation plot shows. Log axes are drawn by plotting log10 of the data (ScottPlot 5 has no log
/// transform of its own), so values on a log axis must be positive; error bars become asymmetric there.
/// </summary>
internal sealed record ChartSpec(
    string Title,
    string XLabel,
    string YLabel,
    IReadOnlyList<LineSeries> Lines,
    IReadOnlyList<PointSeries> Points,
    bool LogX = false,
    bool LogY = false);
