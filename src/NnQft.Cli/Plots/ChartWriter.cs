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
        // A band takes the colour of the line of its label, so that a curve and its standard error read as one.
        var colours = new Dictionary<string, Color>();
        Color ColourOf(string label)
        {
            if (!colours.TryGetValue(label, out var c)) colours[label] = c = palette.GetColor(colours.Count);
            return c;
        }
        foreach (var line in figure.Lines) ColourOf(line.Label);
        foreach (var band in figure.Bands ?? [])
        {
            var keep = Enumerable.Range(0, band.X.Count)
                .Where(i => double.IsFinite(band.X[i]) && double.IsFinite(band.Lower[i]) && double.IsFinite(band.Upper[i]) && (!figure.LogX || band.X[i] > 0) && (!figure.LogY || band.Upper[i] > 0))
                .ToArray();
            // On a log axis a lower edge at or below zero is drawn two decades below the upper one.
            var lower = keep.Select(i => figure.LogY ? Math.Log10(band.Lower[i] > 0 ? band.Lower[i] : band.Upper[i] / 100) : band.Lower[i]).ToArray();
            var fill = plot.Add.FillY(Transform(band.X, keep, figure.LogX), lower, Transform(band.Upper, keep, figure.LogY));
            fill.FillStyle.Color = ColourOf(band.Label).WithAlpha(0.25);
            fill.LineStyle.Width = 0;
        }
        foreach (var line in figure.Lines)
        {
            var keep = Drawable(line.X, line.Y, figure);
            var scatter = plot.Add.Scatter(Transform(line.X, keep, figure.LogX), Transform(line.Y, keep, figure.LogY), ColourOf(line.Label));
            scatter.MarkerSize = line.Style == CurveStyle.SolidWithMarkers ? 9 : 0;
            scatter.MarkerShape = MarkerShape.OpenSquare;
            scatter.LineWidth = line.Style == CurveStyle.Dashed ? 2.5f : 2;
            if (line.Style == CurveStyle.Dashed) scatter.LinePattern = LinePattern.Dashed;
            scatter.LegendText = line.Label;
        }
        foreach (var points in figure.Points)
        {
            var color = ColourOf(points.Label);
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
        plot.Legend.Alignment = EmptiestCorner(plot);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, figure.FileName);
        plot.SavePng(path, width, height);
        return path;
    }

    /// <summary>The corner of the data area with the fewest drawn values, where the legend hides least.</summary>
    private static Alignment EmptiestCorner(Plot plot)
    {
        var values = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().SelectMany(p => p.Data.GetScatterPoints())
            .Concat(plot.GetPlottables().OfType<ScottPlot.Plottables.Markers>().SelectMany(p => p.Data.GetScatterPoints()))
            .Where(c => double.IsFinite(c.X) && double.IsFinite(c.Y))
            .ToList();
        if (values.Count == 0) return Alignment.UpperRight;
        var (x0, x1, y0, y1) = (values.Min(c => c.X), values.Max(c => c.X), values.Min(c => c.Y), values.Max(c => c.Y));
        // A corner box of 45% by 35% of the data ranges, about the legend's size.
        int Count(bool right, bool upper) => values.Count(c =>
            (right ? c.X >= x1 - 0.45 * (x1 - x0) : c.X <= x0 + 0.45 * (x1 - x0)) &&
            (upper ? c.Y >= y1 - 0.35 * (y1 - y0) : c.Y <= y0 + 0.35 * (y1 - y0)));
        return new[]
            {
                (Alignment.UpperRight, Count(true, true)), (Alignment.LowerRight, Count(true, false)),
                (Alignment.UpperLeft, Count(false, true)), (Alignment.LowerLeft, Count(false, false)),
            }
            .MinBy(c => c.Item2).Item1;
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
