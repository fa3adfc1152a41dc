// SPDX-License-Identifier: MIT
using System.CommandLine;


namespace NnQft.Cli;

/// <summary>Every subcommand of nnqft, in the order --help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return Commands.SampleCommand.Create();
        yield return Commands.MergeCommand.Create();
        yield return Commands.DeriveCommand.Create();
        yield return Commands.ValidateCommand.Create();
        yield return Commands.TheoryCommand.Create();
        yield return Commands.ActionCommand.Create();
        yield return Commands.KernelCommand.Create();
        yield return Commands.AttentionCommand.Create();
        yield return Commands.ProveCommand.Create();
        yield break;
    }
}
