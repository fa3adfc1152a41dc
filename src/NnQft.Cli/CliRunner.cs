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

    /// <summary>Runs a command body, turning bad input into exit code 2 and a one-line message.</summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (InvalidInputException e)
        {
            Console.Error.WriteLine($"nnqft: {e.Message}");
            return BadInput;
        }
    }
}
