// SPDX-License-Identifier: MIT
using System.Globalization;
using NnQft.Model;

namespace NnQft.Cli;

/// <summary>
/// Checks an output path before any computation starts (docs/cli.md section 5, files and signals), so that a run
/// never spends minutes and then fails to write. One call per option in each command:
/// <c>OutputPath.File("--out", path)</c> for a file, <c>OutputPath.Folder("--out", dir)</c> for a folder of outputs.
/// A failed check is bad input: exit 2 with a one-line reason naming the option.
/// </summary>
internal static class OutputPath
{
    /// <summary>
    /// A file that will be written (or replaced): not a folder, and its folder exists and accepts new files.
    /// Null (stdout) passes. Returns the path, so the check reads as part of the option's read-out.
    /// </summary>
    public static string? File(string option, string? path)
    {
        if (path is null) return null;
        if (path.Trim().Length == 0) throw new InvalidInputException(option, "must be a file path", "an empty string");
        string full = Full(option, path);
        if (Directory.Exists(full)) throw new InvalidInputException(option, "must be a file path, not a folder", path);
        string folder = Path.GetDirectoryName(full) ?? full;
        if (!Directory.Exists(folder))
            throw new InvalidInputException(option, "must be in a folder that exists", $"{path}: no folder {folder}");
        Writable(option, path, folder);
        return path;
    }

    /// <summary>
    /// A folder that outputs will be written into (created when missing): not a file, and the nearest folder that
    /// exists on its path accepts new entries. Nothing is created here.
    /// </summary>
    public static string Folder(string option, string path)
    {
        if (path.Trim().Length == 0) throw new InvalidInputException(option, "must be a folder path", "an empty string");
        string? existing = Full(option, path);
        while (existing is not null && !Directory.Exists(existing))
        {
            if (System.IO.File.Exists(existing))
                throw new InvalidInputException(option, "must be a folder, not a file", $"{path}: {existing} is a file");
            existing = Path.GetDirectoryName(existing);
        }
        if (existing is null) throw new InvalidInputException(option, "must be a folder path on an existing drive", path);
        Writable(option, path, existing);
        return path;
    }

    private static string Full(string option, string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            throw new InvalidInputException(option, "must be a valid path", $"{path}: {e.Message}");
        }
    }

    // Creating (and at once deleting) a file is the only check that also holds for read-only mounts, ACLs and root.
    private static void Writable(string option, string path, string folder)
    {
        string probe = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $".nnqft-probe-{Environment.ProcessId}-{Guid.NewGuid():N}"));
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw new InvalidInputException(option, "must be in a folder that can be written", $"{path}: {e.Message}");
        }
    }
}
