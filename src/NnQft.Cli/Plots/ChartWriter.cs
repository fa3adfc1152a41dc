// SPDX-License-Identifier: MIT
using ScottPlot;

namespace NnQft.Cli.Plots;

/// <summary>Renders a <see cref="ChartSpec"/> to a PNG file with ScottPlot.</summary>
internal static class ChartWriter
{
    public static void SavePng(ChartSpec spec, string path, int width = 800, int height = 560)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int colour = 0;
        foreach (var line in spec.Lines)
        {
            var (xs, ys) = (Transform(line.X, spec.LogX), Transform(line.Y, spec.LogY));
            var scatter = plot.Add.Scatter(xs, ys, palette.GetColor(colour++));
            scatter.MarkerSize = 0;
            scatter.LineWidth = 2;
            scatter.LegendText = line.Label;
        }
        foreach (var points in spec.Points)
        {
            var color = palette.GetColor(colour++);
            var xs = Transform(points.X, spec.LogX);
            var ys = Transform(points.Y, spec.LogY);
            var (up, down) = ErrorBars(points.Y, points.Error, spec.LogY);
            var zeros = new double[xs.Length];
            var bars = new ScottPlot.Plottables.ErrorBar(xs, ys, zeros, zeros, up, down) { Color = color, CapSize = 4 };
            plot.Add.Plottable(bars);
            var markers = plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, 6, color);
            markers.LegendText = points.Label;
        }
        plot.Title(spec.Title);
        plot.XLabel(spec.LogX ? $"log10 {spec.XLabel}" : spec.XLabel);
        plot.YLabel(spec.LogY ? $"log10 {spec.YLabel}" : spec.YLabel);
        plot.ShowLegend();
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        plot.SavePng(path, width, height);
    }

    private static double[] Transform(IReadOnlyList<double> values, bool log) =>
        values.Select(v => log ? Math.Log10(v) : v).ToArray();

    private static (double[] Up, double[] Down) ErrorBars(IReadOnlyList<double> y, IReadOnlyList<double> error, bool log)
    {
        var up = new double[y.Count];
        var down = new double[y.Count];
        for (int i = 0; i < y.Count; i++)
        {
            if (!log)
            {
                up[i] = down[i] = error[i];
                continue;
            }
            // On a log axis the one-sigma interval [y - e, y + e] is asymmetric; a lower end at or below zero is
            // drawn down to two decades below y rather than to minus infinity.
            double ly = Math.Log10(y[i]);
            up[i] = Math.Log10(y[i] + error[i]) - ly;
            down[i] = y[i] - error[i] > 0 ? ly - Math.Log10(y[i] - error[i]) : 2.0;
        }
        return (up, down);
    }
}
