// SPDX-License-Identifier: MIT
/// A thin F# facade: curried, subject-last functions so that pipelines read naturally, e.g.
/// `arch |> Derive.connected 4 |> Latex.print` and `arch |> Sample.exact points 100000 |> Result.g2`.
namespace NnQft.FSharp

open NnQft.Model
open NnQft.Symbolic
open NnQft.Numerics.MonteCarlo
open NnQft.Numerics.Results
open NnQft.Numerics.Kernels
open NnQft.Hybrid.Theory
open NnQft.Hybrid.Kernels
open NnQft.Hybrid.Action

/// F# cannot write the C# `with` of a sealed record, so a copy is made the way `with` makes it: the record's own
/// clone (which carries every property, including any added later), then one init-only property set on the fresh
/// copy. The property is named with `nameof`, so a renamed property fails to compile rather than to copy.
type internal ArchitectureCopy =
    static member With(a: Architecture, property: string, value: 'T) : Architecture =
        match typeof<Architecture>.GetMethod("<Clone>$"), typeof<Architecture>.GetProperty(property) with
        | null, _ -> invalidOp "Architecture has no record clone method"
        | _, null -> invalidArg (nameof property) $"Architecture has no property {property}"
        | clone, setter ->
            match clone.Invoke(a, [||]) with
            | :? Architecture as copy ->
                setter.SetValue(copy, box value)
                copy.Validated()
            | _ -> invalidOp "the record clone of Architecture returned no Architecture"

/// Widths: finite integers or infinity.
[<RequireQualifiedAccess>]
module Width =
    /// The infinite width (the limit D, d_k or d_v -> inf).
    let infinite = Width.Infinite
    /// A finite width n >= 1.
    let finite (n: int) = Width.Of n

/// Building and loading architectures; every setter returns a new, validated architecture.
[<RequireQualifiedAccess>]
module Architecture =
    /// The embedded default architecture of docs/cli.md section 3.
    let standard = Architecture.Default
    /// The architecture in a JSON text (validated).
    let parse (json: string) = ArchitectureJson.Parse(json, "json")
    /// The architecture in a JSON file (validated).
    let load (path: string) = ArchitectureJson.Load path
    /// The architecture as JSON text.
    let toJson (a: Architecture) = ArchitectureJson.ToJson(a, true)
    /// The architecture, or an InvalidInputException naming the first bad field.
    let validate (a: Architecture) = a.Validated()
    /// With space dimension d.
    let withDimension (d: int) a = ArchitectureCopy.With(a, nameof Unchecked.defaultof<Architecture>.Dimension, d)
    /// With T tokens.
    let withTokens (t: int) a = ArchitectureCopy.With(a, nameof Unchecked.defaultof<Architecture>.Tokens, t)
    /// With N_h heads.
    let withHeads (h: int) a = ArchitectureCopy.With(a, nameof Unchecked.defaultof<Architecture>.Heads, h)
    /// With D random features.
    let withFeatures (w: Width) a = ArchitectureCopy.With(a, nameof Unchecked.defaultof<Architecture>.Features, w)
    /// With key width d_k.
    let withKeyWidth (w: Width) a = ArchitectureCopy.With(a, nameof Unchecked.defaultof<Architecture>.KeyWidth, w)
    /// With value width d_v.
    let withValueWidth (w: Width) a = ArchitectureCopy.With(a, nameof Unchecked.defaultof<Architecture>.ValueWidth, w)
    /// With standard deviation sigma_Q of the W_Q entries.
    let withSigmaQ (s: float) a = ArchitectureCopy.With(a, nameof Unchecked.defaultof<Architecture>.SigmaQ, s)
    /// With standard deviation sigma_K of the W_K entries.
    let withSigmaK (s: float) a = ArchitectureCopy.With(a, nameof Unchecked.defaultof<Architecture>.SigmaK, s)
    /// With standard deviation sigma_V of the W_V entries.
    let withSigmaV (s: float) a = ArchitectureCopy.With(a, nameof Unchecked.defaultof<Architecture>.SigmaV, s)
    /// With standard deviation sigma_a of the readout weights.
    let withSigmaA (s: float) a = ArchitectureCopy.With(a, nameof Unchecked.defaultof<Architecture>.SigmaA, s)
    /// With bias standard deviation sigma_b (0: no bias).
    let withSigmaB (s: float) a = ArchitectureCopy.With(a, nameof Unchecked.defaultof<Architecture>.SigmaB, s)
    /// With the spectral density shared by all tokens without an override.
    let withToken (density: SpectralDensity) a = ArchitectureCopy.With(a, nameof Unchecked.defaultof<Architecture>.Token, density)
    /// With the query embedding (a spectral density or ConstantEmbedding).
    let withQuery (embedding: Embedding) a = ArchitectureCopy.With(a, nameof Unchecked.defaultof<Architecture>.Query, embedding)
    /// With per-token spectral densities (0-based token index), replacing any earlier overrides.
    let withTokenOverrides (overrides: TokenOverride seq) a =
        ArchitectureCopy.With(a, nameof Unchecked.defaultof<Architecture>.TokenOverrides, EquatableList<TokenOverride>(overrides))

/// Point sets at which correlators are evaluated.
[<RequireQualifiedAccess>]
module Points =
    /// The points given as coordinate lists (all of one dimension).
    let ofList (rows: float list list) =
        PointSet.Of(rows |> List.map (fun r -> (List.toArray r :> System.Collections.Generic.IReadOnlyList<float>)))
    /// The default point set for dimension d.
    let standardFor (d: int) = PointSet.DefaultFor d
    /// Number of points.
    let count (p: PointSet) = p.Count

/// Symbolic derivations from the network definition (no formula is transcribed).
[<RequireQualifiedAccess>]
module Derive =
    /// The full correlator G_n.
    let full (order: int) (a: Architecture) = Derive.Correlator(a, order, false)
    /// The connected correlator G_n^c.
    let connected (order: int) (a: Architecture) = Derive.Correlator(a, order, true)
    /// The derived value (independence breaking + finite width).
    let value (d: CorrelatorDerivation) = d.Value
    /// The d_v^0 (independence-breaking) part.
    let independenceBreaking (d: CorrelatorDerivation) = d.IndependenceBreaking
    /// The O(1/d_v) part.
    let finiteWidth (d: CorrelatorDerivation) = d.FiniteWidth
    /// The derivation steps as (description, expression) pairs.
    let steps (d: CorrelatorDerivation) = d.Steps |> Seq.map (fun s -> s.Description, s.Expression) |> List.ofSeq

/// Building and printing symbolic expressions (the C# operators + - * / and unary - work on Expr directly,
/// also with an int on either side: `2 * x + 1`).
[<RequireQualifiedAccess>]
module Expr =
    /// A symbol.
    let symbol (name: string) : Expr = Sym.Var name
    /// A positive symbol.
    let positive (name: string) : Expr = Sym.Positive name
    /// An integer.
    let int (n: int) : Expr = Number.Of(System.Numerics.BigInteger n)
    /// The rational p/q.
    let rational (p: int64) (q: int64) = Sym.Rational(p, q)
    /// Base raised to the exponent: `x |> Expr.pow (Expr.int 2)`.
    let pow (exponent: Expr) (b: Expr) = Sym.Pow(b, exponent)
    /// Square root.
    let sqrt (x: Expr) = Sym.Sqrt x
    /// Exponential.
    let exp (x: Expr) = Sym.Exp x
    /// The collected form: like terms merged over polynomial coefficients, common factors pulled out.
    let collect (e: Expr) = Collection.Collect e
    /// Plain-text rendering.
    let text (e: Expr) = e.ToString()
    /// SymPy rendering.
    let sympy (e: Expr) = SympyPrinter.Print e
    /// LaTeX rendering.
    let latex (e: Expr) = LatexPrinter.Print e

/// LaTeX output of derivations and expressions.
[<RequireQualifiedAccess>]
module Latex =
    /// LaTeX of a derived correlator's value.
    let print (d: CorrelatorDerivation) = LatexPrinter.Print d.Value
    /// LaTeX of any expression.
    let ofExpr (e: Expr) = LatexPrinter.Print e

/// Monte Carlo sampling of the network (single-threaded, seeded, reproducible).
[<RequireQualifiedAccess>]
module Sample =
    /// Exact-method estimates of G2 and G4 from n networks with the given seed.
    let exactSeeded (seed: uint64) (points: PointSet) (networks: int64) (a: Architecture) : CorrelatorResult =
        MonteCarloSampler.Sample(SampleOptions(a, points.ValidatedFor a, Networks = networks, Seed = seed)).Result
    /// Exact-method estimates of G2 and G4 from n networks (seed 1).
    let exact (points: PointSet) (networks: int64) (a: Architecture) = exactSeeded 1UL points networks a
    /// Exact-method estimates on several worker threads; the numbers are bit-identical for every thread count.
    let exactParallel (threads: int) (seed: uint64) (points: PointSet) (networks: int64) (a: Architecture) : CorrelatorResult =
        MonteCarloSampler.Sample(SampleOptions(a, points.ValidatedFor a, Networks = networks, Seed = seed, Threads = threads)).Result

/// Theory (derived correlators evaluated numerically).
[<RequireQualifiedAccess>]
module Theory =
    /// The theory result with explicit logit-sample count and seed.
    let evaluateWith (samples: int64) (seed: uint64) (points: PointSet) (a: Architecture) : CorrelatorResult =
        TheoryEvaluator.Evaluate(a, points.ValidatedFor a, TheoryOptions(samples, seed))
    /// The theory result with default options.
    let evaluate (points: PointSet) (a: Architecture) = TheoryEvaluator.Evaluate(a, points.ValidatedFor a, TheoryOptions())
    /// The theory G2 matrix only (no sampling needed).
    let g2 (points: PointSet) (a: Architecture) =
        TheoryEvaluator.TwoPoint(a, points.ValidatedFor a) |> Seq.map Array.ofSeq |> array2D
    /// G2(x_0, x_p) for every point p, e.g. a curve along a ray from x_0 (one quadrature per point).
    let g2FromFirst (points: PointSet) (a: Architecture) =
        TheoryEvaluator.TwoPointFromFirst(a, points.ValidatedFor a) |> Array.ofSeq

/// Radial kernels of spectral densities (docs/theory.md section 7).
[<RequireQualifiedAccess>]
module Kernel =
    /// k(r) of a spectral density in dimension d.
    let value (dimension: int) (density: SpectralDensity) (r: float) = KernelEvaluator.For(density, dimension).Value r
    /// The closed-form kernel expression in r (and the density's parameters).
    let expression (dimension: int) (density: SpectralDensity) = KernelExpressions.For(density, dimension)

/// Reading correlator results (Monte Carlo or theory).
[<RequireQualifiedAccess>]
module Result =
    let private grid (rows: System.Collections.Generic.IReadOnlyList<System.Collections.Generic.IReadOnlyList<float>>) =
        rows |> Seq.map Array.ofSeq |> array2D
    /// The G2 matrix.
    let g2 (r: CorrelatorResult) = grid r.G2.Value
    /// The G2 standard errors.
    let g2Stderr (r: CorrelatorResult) = grid r.G2.Stderr
    /// Every G4 tuple as (index, value, stderr, connected, connected stderr).
    let g4 (r: CorrelatorResult) =
        r.G4 |> Seq.map (fun e -> List.ofSeq e.Index, e.Value, e.Stderr, e.Connected, e.ConnectedStderr) |> List.ofSeq
    let private entry (index: int list) (r: CorrelatorResult) =
        match r.G4 |> Seq.tryFind (fun e -> List.ofSeq e.Index = index) with
        | Some e -> e
        | None -> invalidArg (nameof index) (sprintf "%A is not a sorted tuple of the result's %d points" index r.G2.Value.Count)
    /// The connected G4 at one sorted tuple, e.g. [0; 0; 1; 1], as (value, stderr).
    let g4c (index: int list) (r: CorrelatorResult) =
        let e = entry index r
        e.Connected, e.ConnectedStderr
    /// Theory's split of the connected G4 at one sorted tuple into (independence breaking, finite width); None for Monte Carlo.
    let g4cParts (index: int list) (r: CorrelatorResult) =
        let e = entry index r
        Option.ofNullable e.IndependenceBreaking, Option.ofNullable e.FiniteWidth
    /// How the numbers were obtained.
    let method (r: CorrelatorResult) = r.Method
    /// The result JSON (docs/cli.md section 2).
    let toJson (r: CorrelatorResult) = CorrelatorResultJson.Write r

/// The action on a point set to first order in G4c and the coupling per configuration (docs/theory.md section 10):
/// `arch |> Action.ofTheory points |> Action.vertex`, or `result |> Action.ofResult arch |> Action.couplingMean`.
[<RequireQualifiedAccess>]
module Action =
    /// The action of the theory at the architecture on the points; couplings integrated over R^d.
    let ofTheory (points: PointSet) (a: Architecture) : ActionReport =
        PointActionAnalysis.FromTheory(a, points.ValidatedFor a, ActionOptions())
    /// The same with the coupling integrals over the box [-L, L]^d.
    let ofTheoryWithCutoff (cutoff: float) (points: PointSet) (a: Architecture) : ActionReport =
        PointActionAnalysis.FromTheory(a, points.ValidatedFor a, ActionOptions(Cutoff = System.Nullable cutoff))
    /// The action of a sample, merge or theory result (G2 and every G4 tuple); the coupling integrals take G2 from
    /// the theory of the architecture.
    let ofResult (a: Architecture) (r: CorrelatorResult) : ActionReport =
        PointActionAnalysis.FromResult(a, r, "result", ActionOptions())
    /// The quadratic part K - V2/2 as a P x P array.
    let quadratic (r: ActionReport) = r.Action.Quadratic |> Seq.map Array.ofSeq |> array2D
    /// Every vertex entry as (index, V4, stderr), a <= b <= c <= d.
    let vertex (r: ActionReport) = r.Action.Vertex |> Seq.map (fun v -> List.ofSeq v.Index, v.Value, v.Stderr) |> List.ofSeq
    /// Every coupling as (index, lambda, stderr).
    let couplings (r: ActionReport) = r.Coupling.PerTuple |> Seq.map (fun c -> List.ofSeq c.Index, c.Lambda, c.Stderr) |> List.ofSeq
    /// The mean coupling over the tuples.
    let couplingMean (r: ActionReport) = r.Coupling.Mean
    /// The spread (sample standard deviation) of the couplings over the tuples: zero for a local phi^4 theory.
    let couplingSpread (r: ActionReport) = r.Coupling.Spread
    /// The JSON of `nnqft action` (docs/cli.md section 5).
    let toJson (r: ActionReport) = ActionJson.Write r
