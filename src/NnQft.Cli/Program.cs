// SPDX-License-Identifier: MIT
using NnQft.Cli;


return CliRunner.Invoke(CommandCatalog.Root(), args);
