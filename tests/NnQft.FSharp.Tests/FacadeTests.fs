// SPDX-License-Identifier: MIT
module NnQft.FSharp.Tests.FacadeTests

open NUnit.Framework
open FsCheck
open FsCheck.FSharp
open FsCheck.NUnit
open NnQft.FSharp
open NnQft.Model

let private fenced (language: string) (heading: string) (readme: string) =
    let section = readme.Substring(readme.IndexOf heading)
    let start = section.IndexOf("```" + language + "\n") + language.Length + 4
    section.Substring(start, section.IndexOf("```", start) - start).Trim()

/// A README block without its leading `using` / `open` lines, which the test files have at their top instead.
let private body (block: string) =
    block.Split '\n'
    |> Array.skipWhile (fun l -> l.StartsWith "using " || l.StartsWith "open " || l.Trim() = "")
    |> String.concat "\n"

[<Test>]
let ``F# quickstart runs and its numbers agree within 5 standard errors`` () =
    let latex, theory, g2, se = Quickstart.run ()
    Assert.That(latex, Does.Contain "M")
    let z = (g2[0, 1] - theory[0, 1]) / se[0, 1]
    Assert.That(abs z, Is.LessThan 5.0, sprintf "z = %g" z)

[<Test>]
let ``README F# quickstart is the code the tests run`` () =
    let code = RepoFiles.read "tests/NnQft.FSharp.Tests/Quickstart.fs" |> RepoFiles.between "quickstart-fsharp-begin" "quickstart-fsharp-end"
    let dedented = code.Split '\n' |> Array.map (fun l -> if l.StartsWith "    " then l.Substring 4 else l) |> String.concat "\n"
    Assert.That(RepoFiles.read "README.md" |> fenced "fsharp" "## Quickstart (F#)" |> body, Is.EqualTo dedented)

[<Test>]
let ``README C# quickstart is the code the C# tests run`` () =
    let code = RepoFiles.read "tests/NnQft.Cli.Tests/QuickstartTests.cs" |> RepoFiles.between "quickstart-csharp-begin" "quickstart-csharp-end"
    let dedented = code.Split '\n' |> Array.map (fun l -> if l.StartsWith "        " then l.Substring 8 else l) |> String.concat "\n"
    Assert.That(RepoFiles.read "README.md" |> fenced "csharp" "## Quickstart (C#)" |> body, Is.EqualTo dedented)

[<Test>]
let ``Architecture setters return validated copies and leave the original alone`` () =
    let a = Architecture.standard |> Architecture.withTokens 3 |> Architecture.withHeads 2
    Assert.That((a.Tokens, a.Heads, a.Dimension), Is.EqualTo((3, 2, Architecture.standard.Dimension)))
    Assert.That(Architecture.standard.Tokens, Is.EqualTo 4)
    Assert.Throws<InvalidInputException>(fun () -> Architecture.standard |> Architecture.withTokens 0 |> ignore) |> ignore

[<Test>]
let ``Architecture survives a JSON round trip`` () =
    let a = Architecture.standard |> Architecture.withTokens 3 |> Architecture.withValueWidth Width.infinite
    Assert.That(a |> Architecture.toJson |> Architecture.parse, Is.EqualTo a)

[<Test>]
let ``Derive connected G2 differs from full G2 only when the mean is non-zero, and full G4 is non-zero`` () =
    let arch = Architecture.standard |> Architecture.withFeatures Width.infinite |> Architecture.withKeyWidth Width.infinite
    // The field has zero mean (odd in the readout weights), so the connected and full two-point functions coincide.
    Assert.That(arch |> Derive.connected 2 |> Derive.value |> Expr.text, Is.EqualTo(arch |> Derive.full 2 |> Derive.value |> Expr.text))
    Assert.That(arch |> Derive.full 4 |> Derive.value |> Expr.text, Is.Not.EqualTo "0")
    Assert.That(arch |> Derive.full 4 |> Derive.steps, Is.Not.Empty)

[<Test>]
let ``Expr operators and printers compose`` () =
    let x = Expr.symbol "x"
    let e = x * x + Expr.int 1
    Assert.That(Expr.sympy e, Does.Contain "x")
    Assert.That(Expr.latex (x |> Expr.pow (Expr.int 2)), Does.Contain "^")

[<Test>]
let ``C# Expr operators work from F#, with integers on either side`` () =
    let x = Expr.symbol "x"
    let y = Expr.symbol "y"
    let same (a: NnQft.Symbolic.Expr) (b: NnQft.Symbolic.Expr) = Assert.That(Expr.text a, Is.EqualTo(Expr.text b))
    same ((x + y) - y) x
    same (x / x) (Expr.int 1)
    same (-(-x)) x
    same (2 * x - x) x
    same (x + 1 - 1) x
    same (x / 2 * 2) x
    same (1 / x * x) (Expr.int 1)
    same (1 - x + x) (Expr.int 1)
    same (x * 3) (3 * x)

let private densityWidths = Gen.elements [ 0.3; 0.7; 1.5 ]

[<Property(MaxTest = 30, Replay = "123,457")>]
let ``Gaussian kernel is one at zero and decreasing in r`` () =
    Prop.forAll (Arb.fromGen (Gen.zip densityWidths (Gen.choose (1, 3)))) (fun (sigma, d) ->
        let k = Kernel.value d (GaussianDensity sigma)
        abs (k 0.0 - 1.0) < 1e-12 && k 0.5 < k 0.0 && k 1.0 < k 0.5)

[<Property(MaxTest = 20, Replay = "7,11")>]
let ``Theory G2 is symmetric with a positive diagonal`` () =
    let arch = Architecture.standard |> Architecture.withFeatures Width.infinite |> Architecture.withKeyWidth Width.infinite
    let coord = Gen.choose (-10, 10) |> Gen.map (fun i -> float i / 10.0)
    let point = Gen.listOfLength 2 coord
    Prop.forAll (Arb.fromGen (Gen.listOfLength 3 point)) (fun rows ->
        let g = arch |> Theory.g2 (Points.ofList rows)
        let n = Array2D.length1 g
        Seq.forall (fun i -> g[i, i] > 0.0 && Seq.forall (fun j -> abs (g[i, j] - g[j, i]) < 1e-12) [ 0 .. n - 1 ]) [ 0 .. n - 1 ])

/// The facade's Architecture module, found through the quotation of one of its functions.
let private architectureModule =
    let rec declaring (e: Microsoft.FSharp.Quotations.Expr) =
        match e with
        | Microsoft.FSharp.Quotations.Patterns.Call(_, m, _) ->
            match m.DeclaringType with
            | null -> failwith "a module function without a declaring type"
            | t -> t
        | Microsoft.FSharp.Quotations.Patterns.Lambda(_, body) -> declaring body
        | _ -> failwithf "no call in %A" e
    declaring <@ Architecture.withTokens @>

[<Test>]
let ``every Architecture property has a setter in the facade`` () =
    let functions = architectureModule.GetMethods() |> Array.map (fun m -> m.Name, m) |> Map.ofArray
    let settable = typeof<Architecture>.GetProperties() |> Array.filter (fun p -> p.CanWrite)
    Assert.That(settable.Length, Is.GreaterThanOrEqualTo 14)
    let missing =
        settable
        |> Array.filter (fun p ->
            match functions.TryFind("with" + p.Name) with
            | Some m ->
                let ps = m.GetParameters()
                not (ps.Length = 2 && ps[0].ParameterType.IsAssignableFrom p.PropertyType
                     && ps[1].ParameterType = typeof<Architecture> && m.ReturnType = typeof<Architecture>)
            | None -> true)
        |> Array.map (fun p -> p.Name)
    Assert.That(missing, Is.Empty, "Architecture properties without an Architecture.withX setter in Facade.fs")

[<Test>]
let ``sigma setters change their sigma and nothing else`` () =
    let a = Architecture.standard
    let set = [ Architecture.withSigmaQ 2.0, (fun (x: Architecture) -> x.SigmaQ)
                Architecture.withSigmaK 2.0, (fun x -> x.SigmaK)
                Architecture.withSigmaV 2.0, (fun x -> x.SigmaV)
                Architecture.withSigmaA 2.0, (fun x -> x.SigmaA)
                Architecture.withSigmaB 2.0, (fun x -> x.SigmaB) ]
    for (setter, get) in set do
        let b = setter a
        Assert.That(get b, Is.EqualTo 2.0)
        Assert.That(b, Is.Not.EqualTo a)
    let back = a |> Architecture.withSigmaQ 2.0 |> Architecture.withSigmaQ a.SigmaQ
    Assert.That(back, Is.EqualTo a)
    Assert.Throws<InvalidInputException>(fun () -> a |> Architecture.withSigmaV -1.0 |> ignore) |> ignore

[<Test>]
let ``token overrides setter keeps every other property`` () =
    let a = Architecture.standard |> Architecture.withHeads 3 |> Architecture.withSigmaK 0.5
    let b = a |> Architecture.withTokenOverrides [ TokenOverride(1, GaussianDensity 0.3) ]
    Assert.That((b.Heads, b.SigmaK, b.TokenOverrides.Count), Is.EqualTo((3, 0.5, 1)))
    Assert.That(b |> Architecture.withTokenOverrides [], Is.EqualTo a)

[<Test>]
let ``Action facade: the vertex of a single-token network has its closed form and scales as 1/N_h`` () =
    // T = 1 at D = d_k = inf: V4_abcd = -(2/d_v)(K_ab K_cd + K_ac K_bd + K_ad K_bc) with K = G2^-1, exactly.
    let points = Points.ofList [ [ 0.0; 0.0 ]; [ 0.5; 0.0 ] ]
    let arch =
        Architecture.standard |> Architecture.withTokens 1 |> Architecture.withFeatures Width.infinite
        |> Architecture.withKeyWidth Width.infinite |> Architecture.withValueWidth (Width.finite 8)
    let report = arch |> Action.ofTheory points
    let k = MathNet.Numerics.LinearAlgebra.Matrix<float>.Build.DenseOfArray(arch |> Theory.g2 points).Inverse()
    for (index, value, _) in Action.vertex report do
        match index with
        | [ a; b; c; d ] ->
            let expected = -2.0 / 8.0 * (k[a, b] * k[c, d] + k[a, c] * k[b, d] + k[a, d] * k[b, c])
            Assert.That(value, Is.EqualTo(expected).Within(1e-8 * abs expected))
        | _ -> Assert.Fail "a vertex index has four entries"
    let four = arch |> Architecture.withHeads 4 |> Action.ofTheory points
    Assert.That(Action.couplingMean four * 4.0, Is.EqualTo(Action.couplingMean report).Within(1e-9 * abs (Action.couplingMean report)))
    Assert.That(Action.toJson report, Does.Contain "\"perTuple\"")
