// SPDX-License-Identifier: MIT
using System.CommandLine;
using NnQft.Model;

namespace NnQft.Cli;

/// <summary>
/// Exit codes and error reporting shared by all commands: 0 success, 1 a failed check (validate), 2 bad input
/// with a one-line reason on stderr. No stack trace reaches the user for bad input.
/// </summary>
internal static class CliRunner
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    public const int BadInput = 2;

    public static int Invoke(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"nnqft: {parse.Errors[0].Message}");
            return BadInput;
        }
        return parse.Invoke();
    }

    /// <summary>
    /// Runs a command body, turning bad input into exit code 2 and a one-line message. The libraries name their own
    /// parameters (<c>Networks</c>, <c>order</c>); <paramref name="flags"/> maps those names to this command's flags,
    /// so each rule is checked once, in the library, and still reported in the user's terms.
    /// </summary>
    public static int Guard(Func<int> body, IReadOnlyDictionary<string, string>? flags = null)
    {
        try
        {
            return body();
        }
        catch (InvalidInputException e)
        {
            return Report(e, flags);
        }
        // Parallel library loops wrap what a worker threw; bad input found in a worker is still bad input.
        catch (AggregateException e) when (e.Flatten().InnerExceptions.FirstOrDefault(x => x is InvalidInputException) is InvalidInputException inner)
        {
            return Report(inner, flags);
        }
    }

    private static int Report(InvalidInputException e, IReadOnlyDictionary<string, string>? flags)
    {
        var reported = flags is not null && flags.TryGetValue(e.Field, out var flag) ? e.Renamed(flag) : e;
        Console.Error.WriteLine($"nnqft: {reported.Message}");
        return BadInput;
    }
}
