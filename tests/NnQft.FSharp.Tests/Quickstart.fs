// SPDX-License-Identifier: MIT
/// The F# quickstart of README.md: the code between the markers is the README block, character for character.
module NnQft.FSharp.Tests.Quickstart

open NnQft.FSharp

/// Runs the README quickstart and returns what it computed, so tests can check it.
let run () =
    // quickstart-fsharp-begin
    let arch =
        Architecture.standard
        |> Architecture.withFeatures Width.infinite
        |> Architecture.withKeyWidth Width.infinite
        |> Architecture.withTokens 2

    let latex = arch |> Derive.connected 4 |> Latex.print
    let points = Points.ofList [ [ 0.0; 0.0 ]; [ 0.5; 0.0 ] ]
    let theory = arch |> Theory.g2 points
    let sampled = arch |> Sample.exact points 4000L
    let g2, se = Result.g2 sampled, Result.g2Stderr sampled
    printfn "G4c = %s" latex
    printfn "G2(x1, x2): theory %.4f, Monte Carlo %.4f +- %.4f" theory[0, 1] g2[0, 1] se[0, 1]
    // quickstart-fsharp-end
    latex, theory, g2, se
