// SPDX-License-Identifier: MIT
using System.CommandLine;
using NnQft.Hybrid.Proofs;

namespace NnQft.Cli.Commands;

/// <summary>
/// <c>nnqft prove</c>: regenerates the machine-checked derivations of proofs/ (one Markdown document per result);
/// <c>--check</c> only verifies that every step checks and that the files on disk are what the code generates.
/// Exit 1 with a one-line reason when either fails.
/// </summary>
internal static class ProveCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Directory of the proof documents.", DefaultValueFactory = _ => "proofs" };
        var check = new Option<bool>("--check") { Description = "Only verify: every step checks and the files equal what the code generates." };
        var command = new Command("prove", "Regenerate the machine-checked derivations in proofs/ (--check only verifies).") { output, check };
        command.SetAction(parse => CliRunner.Guard(() =>
        {
            var directory = parse.GetValue(output) ?? "proofs";
            // --check only reads; otherwise the folder is written, so it is checked before the proofs are rendered.
            if (!parse.GetValue(check)) OutputPath.Folder("--out", directory);
            else if (directory.Trim().Length == 0) throw new Model.InvalidInputException("--out", "must be a directory path", directory);
            var rendered = ProofCatalog.Render();
            var outcome = parse.GetValue(check) ? ProofFiles.Verify(directory, rendered) : ProofFiles.Write(directory, rendered);
            if (!outcome.Ok)
            {
                Console.Error.WriteLine($"nnqft prove: {outcome.Reason}");
                return CliRunner.CheckFailed;
            }
            int steps = rendered.Sum(r => r.Markdown.Split("**Step ").Length - 1);
            Console.Out.WriteLine($"{(parse.GetValue(check) ? "verified" : "wrote")} {rendered.Count} documents in {directory} ({steps} steps, all checked): {string.Join(", ", outcome.Files)}");
            return CliRunner.Ok;
        }));
        return command;
    }
}
