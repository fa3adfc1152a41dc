// SPDX-License-Identifier: MIT
/// Finds repository files (README.md, test sources) from the test output directory.
module NnQft.FSharp.Tests.RepoFiles

open System.IO

/// The repository root: the first ancestor of the test directory holding NnQft.Symbolic.sln.
let root () =
    let rec up (dir: DirectoryInfo | null) =
        match dir with
        | null -> failwith "NnQft.Symbolic.sln not found above the test directory"
        | d when File.Exists(Path.Combine(d.FullName, "NnQft.Symbolic.sln")) -> d.FullName
        | d -> up d.Parent
    up (DirectoryInfo(NUnit.Framework.TestContext.CurrentContext.TestDirectory))

/// The text of a file given relative to the repository root, with line endings normalised.
let read (relative: string) = File.ReadAllText(Path.Combine(root (), relative)).Replace("\r\n", "\n")

/// The lines strictly between the line containing `start` and the next line containing `stop`, trimmed at both ends.
let between (start: string) (stop: string) (text: string) =
    let lines = text.Split '\n'
    let first = lines |> Array.findIndex (fun l -> l.Contains start)
    let last = lines |> Array.findIndexBack (fun l -> l.Contains stop)
    if last <= first then failwithf "marker %s is not followed by %s" start stop
    System.String.Join("\n", lines[first + 1 .. last - 1]).Trim()
