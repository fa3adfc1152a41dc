// SPDX-License-Identifier: MIT
/// Theory against exact Monte Carlo, written wholly in F# through the facade.
module NnQft.FSharp.Tests.AgreementProperties

open FsCheck
open FsCheck.FSharp
open FsCheck.NUnit
open NnQft.FSharp
open NnQft.Model

/// Small architectures at D = d_k = inf: 1-3 tokens, 1-2 heads, d = 1 or 2, d_v finite or infinite, with or
/// without bias, and one of three token densities.
let private smallLimitArchitectures =
    gen {
        let! d = Gen.choose (1, 2)
        let! tokens = Gen.choose (1, 3)
        let! heads = Gen.choose (1, 2)
        let! valueWidth = Gen.elements [ Width.infinite; Width.finite 8 ]
        let! sigmaB = Gen.elements [ 0.0; 0.5 ]
        let! sigma = Gen.elements [ 0.5; 0.7; 1.2 ]
        return
            Architecture.standard
            |> Architecture.withDimension d
            |> Architecture.withFeatures Width.infinite
            |> Architecture.withKeyWidth Width.infinite
            |> Architecture.withTokens tokens
            |> Architecture.withHeads heads
            |> Architecture.withValueWidth valueWidth
            |> Architecture.withSigmaB sigmaB
            |> Architecture.withToken (GaussianDensity sigma)
    }

/// Two points: the origin and a point at distance 0.6 along the first axis.
let private pointsFor (arch: Architecture) =
    Points.ofList [ List.replicate arch.Dimension 0.0; 0.6 :: List.replicate (arch.Dimension - 1) 0.0 ]

[<Property(MaxTest = 6, Replay = "2026,1129")>]
let ``Theory G2 agrees with exact Monte Carlo G2 within 5 standard errors on random small architectures`` () =
    Prop.forAll (Arb.fromGen smallLimitArchitectures) (fun arch ->
        let points = pointsFor arch
        let theory = arch |> Theory.g2 points
        let sampled = arch |> Sample.exactSeeded 17UL points 6000L
        let g2, se = Result.g2 sampled, Result.g2Stderr sampled
        let zs = [ for i in 0 .. 1 do for j in i .. 1 -> (g2[i, j] - theory[i, j]) / se[i, j] ]
        (zs |> List.forall (fun z -> abs z < 5.0)) |> Prop.label (sprintf "%s: z = %A" (Architecture.toJson arch) zs))
