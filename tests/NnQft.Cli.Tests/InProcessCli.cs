// SPDX-License-Identifier: MIT
namespace NnQft.Cli.Tests;

/// <summary>
/// Runs an nnqft command inside the test process (the same root command and runner as the executable), capturing
/// stdout and stderr: thousands of fuzz cases cost milliseconds each instead of a process start. Console is global,
/// so runs are serialised.
/// </summary>
internal static class InProcessCli
{
    private static readonly object Gate = new();

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        lock (Gate)
        {
            var (savedOut, savedErr) = (Console.Out, Console.Error);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Console.SetOut(stdout);
            Console.SetError(stderr);
            try
            {
                int exit = CliRunner.Invoke(CommandCatalog.Root(), args);
                return (exit, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(savedOut);
                Console.SetError(savedErr);
            }
        }
    }
}
