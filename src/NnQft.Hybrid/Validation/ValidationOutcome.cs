// SPDX-License-Identifier: MIT
using NnQft.Numerics.Results;

namespace NnQft.Hybrid.Validation;

/// <summary>What a validation run produced: the z-table report, both result sets, and the figures to draw.</summary>
/// <example><code>
/// ValidationOutcome o = ValidationRunner.Run(Architecture.Default, PointSet.Default, new ValidationOptions(Networks: 1_000, AuxiliaryNetworks: 100, TheorySamples: 1_000));
/// int figures = o.Figures.Count; // 6
/// </code></example>
public sealed record ValidationOutcome(
    ValidationReport Report,
    CorrelatorResult Theory,
    CorrelatorResult MonteCarlo,
    IReadOnlyList<Figure> Figures);
