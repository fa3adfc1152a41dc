// SPDX-License-Identifier: MIT
namespace NnQft.Model;

/// <summary>
/// Bad user input: names the offending field and what would have been allowed. The command line prints
/// <see cref="Exception.Message"/> as its one-line reason and exits with code 2.
/// </summary>
/// <example><code>throw new InvalidInputException("tokens", "must be an integer >= 1", "0"); // throws InvalidInputException naming tokens</code></example>
public sealed class InvalidInputException : Exception
{
    /// <summary>Creates the error for <paramref name="field"/>; <paramref name="got"/> is echoed when given.</summary>
    /// <example><code>var e = new InvalidInputException("tokens", "must be an integer &gt;= 1", "0"); string field = e.Field; // "tokens"</code></example>
    public InvalidInputException(string field, string allowed, string? got = null)
        : base(got is null ? $"{field}: {allowed}" : $"{field}: {allowed} (got {got})")
    {
        Field = field;
        Allowed = allowed;
    }

    /// <summary>The input field (JSON path, option name or file) that was rejected.</summary>
    /// <example><code>ArchitectureJson.Parse("{ \"heads\": 0 }"); // throws InvalidInputException naming heads</code></example>
    public string Field { get; }

    /// <summary>What the field may hold.</summary>
    /// <example><code>string allowed = new InvalidInputException("heads", "must be an integer &gt;= 1").Allowed;</code></example>
    public string Allowed { get; }
}
