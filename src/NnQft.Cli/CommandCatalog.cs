// SPDX-License-Identifier: MIT
using System.CommandLine;


namespace NnQft.Cli;

/// <summary>Every subcommand of nnqft, in the order --help lists them.</summary>
internal static class CommandCatalog
{
    /// <summary>The root command with every subcommand: what Program runs, and what in-process tests run.</summary>
    public static RootCommand Root()
    {
        var root = new RootCommand("nnqft: neural-network quantum field theory from random transformer attention heads.");
        foreach (var command in All()) root.Subcommands.Add(command);
        return root;
    }

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
