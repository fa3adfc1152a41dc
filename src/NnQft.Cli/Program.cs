// SPDX-License-Identifier: MIT
using System.CommandLine;
using NnQft.Cli;


var root = new RootCommand("nnqft: neural-network quantum field theory from random transformer attention heads.");
foreach (var command in CommandCatalog.All()) root.Subcommands.Add(command);
return CliRunner.Invoke(root, args);
