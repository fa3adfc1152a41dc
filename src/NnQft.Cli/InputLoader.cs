// SPDX-License-Identifier: MIT
using NnQft.Model;

namespace NnQft.Cli;

/// <summary>The --config and --points options shared by sample, theory, derive and validate.</summary>
internal static class InputLoader
{
    public static Architecture Architecture(string? configPath) =>
        configPath is null ? Model.Architecture.Default : ArchitectureJson.Load(configPath);

    public static PointSet Points(string? pointsPath, Architecture architecture) =>
        pointsPath is null ? PointSet.DefaultFor(architecture.Dimension) : PointsCsv.Load(pointsPath, architecture);
}
