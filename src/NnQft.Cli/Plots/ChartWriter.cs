// SPDX-License-Identifier: MIT
using NnQft.Hybrid.Validation;
using ScottPlot;

namespace NnQft.Cli.Plots;

/// <summary>
/// Renders a <see cref="Figure"/> to PNG with ScottPlot. Log axes are drawn by plotting log10 of the data (ScottPlot 5
/// has no log transform of its own), so points that are not positive on a log axis are left out and error bars
/// become asymmetric there.
/// </summary>
internal static class ChartWriter
{
    public static string SavePng(Figure figure, string directory, int width = 800, int height = 560)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int colour = 0;
        foreach (var line in figure.Lines)
        {
            var keep = Drawable(line.X, line.Y, figure);
            var scatter = plot.Add.Scatter(Transform(line.X, keep, figure.LogX), Transform(line.Y, keep, figure.LogY), palette.GetColor(colour++));
            scatter.MarkerSize = 0;
            scatter.LineWidth = 2;
            scatter.LegendText = line.Label;
        }
        foreach (var points in figure.Points)
        {
            var color = palette.GetColor(colour++);
            var keep = Drawable(points.X, points.Y, figure);
            var xs = Transform(points.X, keep, figure.LogX);
            var ys = Transform(points.Y, keep, figure.LogY);
            var (up, down) = ErrorBars(keep.Select(i => points.Y[i]).ToArray(), keep.Select(i => points.Error[i]).ToArray(), figure.LogY);
            var zeros = new double[xs.Length];
            plot.Add.Plottable(new ScottPlot.Plottables.ErrorBar(xs, ys, zeros, zeros, up, down) { Color = color, CapSize = 4 });
            var markers = plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, 6, color);
            markers.LegendText = points.Label;
        }
        plot.Title(figure.Title);
        plot.XLabel(figure.LogX ? $"log10 {figure.XLabel}" : figure.XLabel);
        plot.YLabel(figure.LogY ? $"log10 {figure.YLabel}" : figure.YLabel);
        plot.ShowLegend();
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, figure.FileName);
        plot.SavePng(path, width, height);
        return path;
    }

    private static int[] Drawable(IReadOnlyList<double> x, IReadOnlyList<double> y, Figure figure) =>
        Enumerable.Range(0, x.Count)
            .Where(i => double.IsFinite(x[i]) && double.IsFinite(y[i]) && (!figure.LogX || x[i] > 0) && (!figure.LogY || y[i] > 0))
            .ToArray();

    private static double[] Transform(IReadOnlyList<double> values, int[] keep, bool log) =>
        keep.Select(i => log ? Math.Log10(values[i]) : values[i]).ToArray();

    private static (double[] Up, double[] Down) ErrorBars(double[] y, double[] error, bool log)
    {
        var up = new double[y.Length];
        var down = new double[y.Length];
        for (int i = 0; i < y.Length; i++)
        {
            if (!log)
            {
                up[i] = down[i] = error[i];
                continue;
            }
            // A lower end at or below zero is drawn two decades down rather than to minus infinity.
            double ly = Math.Log10(y[i]);
            up[i] = Math.Log10(y[i] + error[i]) - ly;
            down[i] = y[i] - error[i] > 0 ? ly - Math.Log10(y[i] - error[i]) : 2.0;
        }
        return (up, down);
    }
}
