// SPDX-License-Identifier: MIT
using NnQft.Hybrid.Validation;
using NnQft.Model;

namespace NnQft.Cli.Tests;

/// <summary>
/// What validate's figures hold (tiny sizes: the shapes, not the statistics): theory as a curve of 50 or more values,
/// a band wherever the theory has a standard error, series that can be told apart, axes in the symbols of
/// docs/theory.md, and a caption for report.md.
/// </summary>
public sealed class ValidationFiguresTests
{
    private static readonly Lazy<IReadOnlyList<Figure>> Figures = new(() =>
        ValidationRunner.Run(Architecture.Default with { Tokens = 2 }, PointSet.Of([[0.0, 0.0], [0.5, 0.0], [0.2, 0.6]]),
            new ValidationOptions(Networks: 2_000, AuxiliaryNetworks: 200, TheorySamples: 4_000, Threads: 2)).Figures);

    private static Figure Named(string file) => Figures.Value.Single(f => f.FileName == file);

    [TestCase("g2-r.png")]
    [TestCase("kurtosis.png")]
    [TestCase("g4c-parts-dv.png")]
    [TestCase("finite-width.png")]
    public void TheoryIsASmoothCurveOfAtLeastFiftyValues(string file)
    {
        foreach (var line in Named(file).Lines)
        {
            Assert.That(line.X, Has.Count.GreaterThanOrEqualTo(50), $"{file}: {line.Label}");
            Assert.That(line.X, Is.Ordered, $"{file}: {line.Label}");
        }
    }

    [TestCase("kurtosis.png")]
    [TestCase("g4c-parts-dv.png")]
    [TestCase("g4c-heads.png")]
    public void TheoryWithAStandardErrorHasABandAroundItsLine(string file)
    {
        var figure = Named(file);
        Assert.That(figure.Bands, Is.Not.Null.And.Not.Empty, file);
        foreach (var band in figure.Bands!)
        {
            var line = figure.Lines.Single(l => l.Label == band.Label);
            Assert.That(band.X, Is.EqualTo(line.X));
            for (int i = 0; i < line.Y.Count; i++)
                Assert.That(band.Lower[i] < line.Y[i] && line.Y[i] < band.Upper[i], Is.True, $"{file}: band at {band.X[i]}");
        }
    }

    [Test]
    public void HeadsFigureDrawsTheoryAndTheOneOverNhLineDifferently()
    {
        var figure = Named("g4c-heads.png");
        var theory = figure.Lines.Single(l => l.Label.StartsWith("theory", StringComparison.Ordinal));
        var scaling = figure.Lines.Single(l => l.Label.Contains("/ N_h", StringComparison.Ordinal));
        // The two agree by construction, so only their styles tell them apart: markers at each N_h against dashes.
        Assert.That(theory.Style, Is.EqualTo(CurveStyle.SolidWithMarkers));
        Assert.That(scaling.Style, Is.EqualTo(CurveStyle.Dashed));
        Assert.That(theory.X, Is.EqualTo(new[] { 1.0, 2, 3, 4, 5, 6, 7, 8 }));
        Assert.That(scaling.X, Has.Count.GreaterThanOrEqualTo(50));
    }

    [Test]
    public void AxesUseTheSymbolsOfTheTheoryAndEveryFigureHasACaption()
    {
        Assert.That(Named("g2-r.png").YLabel, Is.EqualTo("G_2(r)"));
        Assert.That(Named("g4c-heads.png").XLabel, Is.EqualTo("N_h"));
        Assert.That(Named("g4c-heads.png").YLabel, Is.EqualTo("G_4c"));
        Assert.That(Named("kurtosis.png").XLabel, Does.StartWith("sigma_s^2"));
        Assert.That(Named("g4c-parts-dv.png").XLabel, Is.EqualTo("d_v"));
        Assert.That(Named("finite-width.png").XLabel, Is.EqualTo("1/D = 1/d_k"));
        foreach (var f in Figures.Value) Assert.That(f.Caption, Does.EndWith(".").And.Length.GreaterThan(40), f.FileName);
    }
}
