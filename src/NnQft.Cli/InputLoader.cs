// SPDX-License-Identifier: MIT
using NnQft.Model;

namespace NnQft.Cli;

/// <summary>The --config and --points options shared by sample, theory, derive and validate.</summary>
internal static class InputLoader
{
    public static Architecture Architecture(string? configPath)
    {
        if (configPath is null) return Model.Architecture.Default;
        try
        {
            return ArchitectureJson.Load(configPath);
        }
        catch (InvalidInputException e) when (e.Field == "path")
        {
            throw e.Renamed("--config");
        }
    }

    public static PointSet Points(string? pointsPath, Architecture architecture)
    {
        if (pointsPath is null) return PointSet.DefaultFor(architecture.Dimension);
        try
        {
            return PointsCsv.Load(pointsPath, architecture);
        }
        catch (InvalidInputException e) when (e.Field == "path" || e.Field.StartsWith("points", StringComparison.Ordinal))
        {
            // "points line 3" names a line of the file: the flag takes the place of the library's word.
            throw e.Renamed(e.Field == "path" ? "--points" : "--" + e.Field);
        }
    }
}
