// SPDX-License-Identifier: MIT
using NnQft.Model;

namespace NnQft.Cli;

/// <summary>
/// Checks of output paths before any computation starts (docs/cli.md section 5, files and signals): a file's folder
/// exists and is writable and the path is not a folder; a figure folder is a folder, or can be created.
/// </summary>
internal static class OutputPaths
{
    public static void CheckFile(string option, string path)
    {
        if (Directory.Exists(path)) throw new InvalidInputException(option, "must be a file path, not a folder", path);
        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (!Directory.Exists(folder)) throw new InvalidInputException(option, "must be in a folder that exists", path);
        Probe(option, folder, path);
    }

    public static void CheckFolder(string option, string path)
    {
        if (File.Exists(path)) throw new InvalidInputException(option, "must be a folder, not a file", path);
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidInputException(option, "must be a folder that can be created and written", $"{path}: {e.Message}");
        }
        Probe(option, path, path);
    }

    private static void Probe(string option, string folder, string shown)
    {
        string probe = Path.Combine(folder, $".nnqft-write-test-{Environment.ProcessId}");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(option, "must be in a writable folder", $"{shown}: {e.Message}");
        }
    }
}
