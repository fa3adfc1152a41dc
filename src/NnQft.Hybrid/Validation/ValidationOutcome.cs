// SPDX-License-Identifier: MIT
using NnQft.Numerics.Results;

namespace NnQft.Hybrid.Validation;

/// <summary>What a validation run produced: the z-table report, both result sets, and the figures to draw.</summary>
/// <example><code>
/// ValidationOutcome o = ValidationRunner.Run(Architecture.Default, PointSet.Default, new ValidationOptions(Networks: 20_000));
/// Console.WriteLine($"passed: {o.Report.Passed}, {o.Figures.Count} figures");
/// </code></example>
public sealed record ValidationOutcome(
    ValidationReport Report,
    CorrelatorResult Theory,
    CorrelatorResult MonteCarlo,
    IReadOnlyList<Figure> Figures);
