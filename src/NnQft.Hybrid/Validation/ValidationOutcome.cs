// SPDX-License-Identifier: MIT
using NnQft.Numerics.Results;

namespace NnQft.Hybrid.Validation;

/// <summary>What a validation run produced: the z-table report, both result sets, and the figures to draw.</summary>
public sealed record ValidationOutcome(
    ValidationReport Report,
    CorrelatorResult Theory,
    CorrelatorResult MonteCarlo,
    IReadOnlyList<Figure> Figures);
