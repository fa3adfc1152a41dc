// SPDX-License-Identifier: MIT
// The paper's claims, each as a figure and a printed check: theory derived by the symbolic engine and evaluated
// numerically, against Monte Carlo over random attention heads (docs/theory.md sections 3-7).
//
//   dotnet pack NnQft.Symbolic.sln -c Release -o artifacts/packages     # once, from the repository root
//   dotnet fsi examples/paper.fsx --quick                               # about a minute; without --quick, two
//
// Options: --quick, --out DIR (default paper-out), --threads N, --only NAME[,NAME] (g2-r, kernels, g4c-dk,
// g4c-heads), --z-limit Z (default 5). Every check compares like with like and states its bound in standard errors:
// it passes when |z| < Z. The script writes one PNG per claim and checks.json, and exits 1 when a check fails.
//
// The library comes from the packages in artifacts/packages: examples/nuget.config adds that folder as a package
// source (fsi's `#i` takes absolute paths only). In a script of your own, write instead
//   #i "nuget: /path/to/NnQft.Symbolic/artifacts/packages"
#r "nuget: NnQft.FSharp, 0.1.0"
#r "nuget: ScottPlot, 5.1.59"
#r "nuget: SkiaSharp.NativeAssets.Linux.NoDependencies, 3.119.4"

open System
open System.IO
open NnQft.FSharp
open NnQft.Model
open ScottPlot

// ---------------------------------------------------------------------------------------------------------------
// Options
let args = fsi.CommandLineArgs |> Array.skip 1 |> List.ofArray

let rec option name =
    function
    | flag :: value :: _ when flag = name -> Some value
    | _ :: rest -> option name rest
    | [] -> None

/// A number option, or exit code 2 with a one-line reason naming the option.
let number name (parse: string -> bool * 'T) (valid: 'T -> bool) (range: string) (fallback: 'T) =
    match option name args with
    | None -> fallback
    | Some text ->
        match parse text with
        | true, v when valid v -> v
        | _ ->
            eprintfn "%s: must be %s, got %s" name range text
            exit 2

let quick = List.contains "--quick" args
let outDir = option "--out" args |> Option.defaultValue "paper-out"
let threads = number "--threads" Int32.TryParse (fun t -> t >= 1) "an integer >= 1" Environment.ProcessorCount
let zLimit =
    number "--z-limit" (fun s -> Double.TryParse(s, Globalization.NumberStyles.Float, Globalization.CultureInfo.InvariantCulture)) (fun z -> z > 0.0) "a number > 0" 5.0
let claims = [ "g2-r"; "kernels"; "g4c-dk"; "g4c-heads" ]
let only = option "--only" args |> Option.map (fun s -> s.Split ',' |> List.ofArray) |> Option.defaultValue claims

for name in only do
    if not (List.contains name claims) then
        eprintfn "--only: %s is not one of %s" name (String.Join(", ", claims))
        exit 2

/// Monte Carlo networks: --quick takes a fifth (standard errors about 2.2 times larger, still well inside the checks).
let nets (full: int64) = if quick then full / 5L else full
Directory.CreateDirectory outDir |> ignore
let clock = Diagnostics.Stopwatch.StartNew()

// ---------------------------------------------------------------------------------------------------------------
// Checks: each compares numbers with standard errors and passes when every |z| < zLimit.
type Check = { Name: string; Claim: string; MaxAbsZ: float; Comparisons: int; Passed: bool }

let checks = Collections.Generic.List<Check>()

let z (a: float, sa: float) (b: float, sb: float) = (a - b) / sqrt (sa * sa + sb * sb)

/// Agreement: every z in zs has |z| < zLimit.
let agree name claim (zs: float list) =
    let worst = zs |> List.map abs |> List.max
    checks.Add { Name = name; Claim = claim; MaxAbsZ = worst; Comparisons = zs.Length; Passed = worst < zLimit }
    printfn "  check %-22s %s: max |z| = %.2f over %d comparisons (bound |z| < %g): %s"
        name claim worst zs.Length zLimit (if worst < zLimit then "PASS" else "FAIL")

/// Distinction: two quantities differ by at least zLimit standard errors (recorded with its |z| as the margin).
let differ name claim (zValue: float) =
    let passed = abs zValue >= zLimit
    checks.Add { Name = name; Claim = claim; MaxAbsZ = abs zValue; Comparisons = 1; Passed = passed }
    printfn "  check %-22s %s: |z| = %.2f (bound |z| >= %g): %s" name claim (abs zValue) zLimit (if passed then "PASS" else "FAIL")

// ---------------------------------------------------------------------------------------------------------------
// Figures
let palette = Palettes.Category10()

let curve (plot: Plot) (colour: int) (label: string) (xs: float[]) (ys: float[]) =
    let s = plot.Add.ScatterLine(xs, ys, palette.GetColor colour)
    s.LineWidth <- 2.0f
    s.LegendText <- label
    s

let band (plot: Plot) (colour: int) (xs: float[]) (lo: float[]) (hi: float[]) =
    let f = plot.Add.FillY(xs, lo, hi)
    f.FillStyle.Color <- (palette.GetColor colour).WithAlpha 0.25
    f.LineStyle.Width <- 0.0f

let points (plot: Plot) (colour: int) (shape: MarkerShape) (label: string) (xs: float[]) (ys: float[]) (se: float[]) =
    let zeros = Array.zeroCreate xs.Length
    let bars = Plottables.ErrorBar(xs, ys, zeros, zeros, se, se)
    bars.Color <- palette.GetColor colour
    bars.CapSize <- 4.0f
    plot.Add.Plottable bars |> ignore
    let m = plot.Add.Markers(xs, ys, shape, 8.0f, palette.GetColor colour)
    m.LegendText <- label

let save (plot: Plot) (title: string) (xLabel: string) (yLabel: string) (file: string) =
    plot.Title title
    plot.XLabel xLabel
    plot.YLabel yLabel
    plot.ShowLegend() |> ignore
    let path = Path.Combine(outDir, file)
    plot.SavePng(path, 860, 580) |> ignore
    printfn "  figure %s" path

/// n + 1 evenly spaced values from a to b: theory is cheap, so curves get many points.
let grid (a: float) (b: float) (n: int) = Array.init (n + 1) (fun i -> a + (b - a) * float i / float n)

let ray (rs: float[]) = Points.ofList [ for r in rs -> [ r; 0.0 ] ]

// The ensemble: the embedded default (d = 2, T = 4, Gaussian tokens), at D = d_k = infinity where the
// attention-weight representation is exact (docs/theory.md section 3).
let limit =
    Architecture.standard |> Architecture.withFeatures Width.infinite |> Architecture.withKeyWidth Width.infinite

// ---------------------------------------------------------------------------------------------------------------
// Claim 1 (docs/theory.md section 3): G2 in the attention-weight representation, s_a^2 s_V^2 T k(r) F_T(sigma_s^2,
// rho(r)), against Monte Carlo over r.
let g2AgainstR () =
    printfn "G2(r): attention-weight representation against Monte Carlo"
    let rs = [| 0.0; 0.3; 0.6; 1.0; 1.5; 2.1 |]
    let sampled = limit |> Sample.exactParallel threads 11UL (ray rs) (nets 250_000L)
    let g2, se = Result.g2 sampled, Result.g2Stderr sampled
    let pairs = [ for a in 0 .. rs.Length - 1 do for b in a .. rs.Length - 1 -> a, b ]
    let theory = limit |> Theory.g2 (ray rs)
    agree "g2-r" "Monte Carlo G2(x_a, x_b) = theory" [ for a, b in pairs -> z (theory[a, b], 0.0) (g2[a, b], se[a, b]) ]
    let r = grid 0.0 2.2 80
    let g2r = limit |> Theory.g2FromFirst (ray r)
    // The value kernel alone, scaled to G2(0): the attention factor F_T is what bends G2 away from it.
    let k = r |> Array.map (Kernel.value 2 limit.Token)
    let plot = new Plot()
    curve plot 0 "theory: s_a^2 s_V^2 T k(r) F_T(sigma_s^2, rho(r))" r g2r |> ignore
    let kernel = curve plot 2 "k(r) G_2(0): the token kernel alone" r (k |> Array.map (fun v -> v * g2r[0]))
    kernel.LinePattern <- LinePattern.Dashed
    let distance a b = abs (rs[b] - rs[a])
    points plot 1 MarkerShape.FilledCircle (sprintf "Monte Carlo (%d networks)" sampled.Samples)
        [| for a, b in pairs -> distance a b |] [| for a, b in pairs -> g2[a, b] |] [| for a, b in pairs -> se[a, b] |]
    plot.Legend.Alignment <- Alignment.UpperRight
    save plot "Two-point function in the attention-weight representation" "r = |x - y|" "G_2(r)" "g2-r.png"

// ---------------------------------------------------------------------------------------------------------------
// Claim 2 (sections 3 and 7): the token spectral density engineers the Euclidean-invariant kernel.
let kernels () =
    printfn "Kernels engineered by the token spectral density"
    let families: (string * SpectralDensity) list =
        [ "Gaussian, l = 0.7", GaussianDensity 0.7
          "Matern nu = 3, l = 0.7", MaternDensity(3.0, 0.7)
          "free scalar m = 1, L = 6", FreeScalarDensity(6.0, 1.0) ]
    // Three points on the x axis and one on the y axis at the same distance as the second: isotropy predicts the same G2.
    let coordinates = [| [ 0.0; 0.0 ]; [ 0.35; 0.0 ]; [ 0.7; 0.0 ]; [ 0.0; 0.7 ] |]
    let pts = Points.ofList (List.ofArray coordinates)
    let pairs = [ 0, 1; 0, 2; 0, 3; 1, 2; 1, 3 ]
    let distance (a, b) = List.map2 (fun u v -> (u - v) * (u - v)) coordinates[a] coordinates[b] |> List.sum |> sqrt
    let r = grid 0.0 1.2 80
    let plot = new Plot()
    let results =
        families
        |> List.mapi (fun i (label, density) ->
            let arch = limit |> Architecture.withToken density
            let sampled = arch |> Sample.exactParallel threads (21UL + uint64 i) pts (nets 200_000L)
            let theory = arch |> Theory.g2 pts
            let g2, se = Result.g2 sampled, Result.g2Stderr sampled
            agree (sprintf "kernels/%d" i) (sprintf "%s: Monte Carlo = theory" label)
                [ for a, b in pairs -> z (theory[a, b], 0.0) (g2[a, b], se[a, b]) ]
            agree (sprintf "kernels/%d/isotropy" i) (sprintf "%s: G2(x0, (0.7, 0)) = G2(x0, (0, 0.7))" label)
                [ z (g2[0, 2], se[0, 2]) (g2[0, 3], se[0, 3]) ]
            // G2 / G2(0) of theory: the shapes compare at a glance; Monte Carlo is divided by the same exact number.
            let norm = theory[0, 0]
            curve plot i (sprintf "%s (theory)" label) r (arch |> Theory.g2FromFirst (ray r) |> Array.map (fun v -> v / norm)) |> ignore
            points plot i MarkerShape.FilledCircle (sprintf "%s (Monte Carlo)" label)
                [| for p in pairs -> distance p |] [| for a, b in pairs -> g2[a, b] / norm |] [| for a, b in pairs -> se[a, b] / norm |]
            label, g2, se)
    // Different densities give different G2(r): at the largest distance each pair of families differs by many errors.
    for i in 0 .. results.Length - 1 do
        for j in i + 1 .. results.Length - 1 do
            let (li, gi, si), (lj, gj, sj) = results[i], results[j]
            differ (sprintf "kernels/%d-vs-%d" i j) (sprintf "%s and %s differ at r = 0.7" li lj) (z (gi[0, 2], si[0, 2]) (gj[0, 2], sj[0, 2]))
    plot.Legend.Alignment <- Alignment.UpperRight
    save plot "Euclidean-invariant kernels from the token spectral density" "r = |x - y|" "G_2(r) / G_2(0)" "kernels.png"

// ---------------------------------------------------------------------------------------------------------------
// Claim 3 (section 4): the independence-breaking part of G4c stays finite as d_k grows. At d_v = infinity the
// finite-width part vanishes, so G4c is independence breaking alone; Monte Carlo at finite d_k (D = infinity) tends
// to the d_k = infinity theory.
let g4cAgainstKeyWidth () =
    printfn "Independence breaking of G4c against d_k"
    let pair = Points.ofList [ [ 0.0; 0.0 ]; [ 0.5; 0.0 ] ]
    let index = [ 0; 0; 1; 1 ]
    let wide = limit |> Architecture.withValueWidth Width.infinite
    let theory = wide |> Theory.evaluateWith (nets 2_000_000L) 31UL pair
    let tValue, tSe = Result.g4c index theory
    let parts = Result.g4cParts index theory
    printfn "  theory at d_k = inf: G4c(0,0,1,1) = %.5f +- %.5f (independence breaking, finite width) = %A" tValue tSe parts
    let widths = [ 1; 2; 4; 16; 64 ]
    let mc =
        widths
        |> List.map (fun dk ->
            let sampled = wide |> Architecture.withKeyWidth (Width.finite dk) |> Sample.exactParallel threads (40UL + uint64 dk) pair (nets 1_000_000L)
            Result.g4c index sampled)
    let largest = List.last mc
    agree "g4c-dk/limit" (sprintf "G4c at d_k = %d = theory at d_k = inf" (List.last widths)) [ z (tValue, tSe) largest ]
    differ "g4c-dk/non-zero" "G4c is non-zero at every d_k (smallest |z| against 0)" (mc |> List.map (fun (v, se) -> abs v / se) |> List.min)
    let x = widths |> List.map (fun w -> 1.0 / float w) |> Array.ofList
    let plot = new Plot()
    let xs = [| 0.0; 1.05 |]
    band plot 0 xs (Array.create 2 (tValue - tSe)) (Array.create 2 (tValue + tSe))
    curve plot 0 "theory at d_k = inf (band: +- 1 standard error)" xs (Array.create 2 tValue) |> ignore
    points plot 1 MarkerShape.FilledCircle (sprintf "Monte Carlo at finite d_k (D = d_v = inf, %d networks)" (nets 1_000_000L))
        x (mc |> List.map fst |> Array.ofList) (mc |> List.map snd |> Array.ofList)
    plot.Axes.SetLimitsY(0.0, 1.6 * (mc |> List.map (fun (v, se) -> v + se) |> List.max))
    save plot "Independence breaking survives d_k -> infinity: G_4c(x1,x1,x2,x2), |x1 - x2| = 0.5" "1/d_k" "G_4c" "g4c-dk.png"

// ---------------------------------------------------------------------------------------------------------------
// Claim 4 (section 5): G4c is suppressed as 1/N_h.
let g4cAgainstHeads () =
    printfn "G4c against the number of heads"
    let pair = Points.ofList [ [ 0.0; 0.0 ]; [ 0.5; 0.0 ] ]
    let index = [ 0; 0; 1; 1 ]
    let heads = [ 1; 2; 4; 8 ]
    let theory = heads |> List.map (fun h -> limit |> Architecture.withHeads h |> Theory.evaluateWith (nets 2_000_000L) 51UL pair |> Result.g4c index)
    // G4c falls like 1/N_h while its standard error does not: N_h times the networks at N_h heads.
    let mc =
        heads
        |> List.map (fun h -> limit |> Architecture.withHeads h |> Sample.exactParallel threads (60UL + uint64 h) pair (int64 h * nets 200_000L) |> Result.g4c index)
    agree "g4c-heads" "Monte Carlo G4c(N_h) = theory G4c(N_h)" (List.map2 z theory mc)
    let one = List.head theory
    agree "g4c-heads/1-over-N_h" "N_h G4c(N_h) from Monte Carlo = theory G4c(1)"
        (List.map2 (fun h (v, se) -> z one (float h * v, float h * se)) heads mc)
    differ "g4c-heads/suppressed" (sprintf "G4c(N_h = %d) below G4c(1)" (List.last heads)) (z one (List.last mc))
    let x = heads |> List.map float |> Array.ofList
    let plot = new Plot()
    // The 1/N_h curve from the N_h = 1 theory, with that theory's band; the theory derived at each N_h sits on it.
    let hs = grid 1.0 8.4 74
    let (g1, s1) = one
    band plot 2 hs (hs |> Array.map (fun h -> (g1 - s1) / h)) (hs |> Array.map (fun h -> (g1 + s1) / h))
    let reference = curve plot 2 "G_4c(N_h = 1) / N_h (band: +- 1 standard error)" hs (hs |> Array.map (fun h -> g1 / h))
    reference.LinePattern <- LinePattern.Dashed
    points plot 0 MarkerShape.OpenSquare "theory, derived at each N_h" x (theory |> List.map fst |> Array.ofList) (theory |> List.map snd |> Array.ofList)
    points plot 1 MarkerShape.FilledCircle "Monte Carlo (N_h times the networks; drawn 0.12 to the right)" (x |> Array.map (fun h -> h + 0.12))
        (mc |> List.map fst |> Array.ofList) (mc |> List.map snd |> Array.ofList)
    plot.Legend.Alignment <- Alignment.UpperRight
    save plot "Multi-head suppression of G_4c(x1,x1,x2,x2)" "N_h" "G_4c" "g4c-heads.png"

// ---------------------------------------------------------------------------------------------------------------
let run name f = if List.contains name only then (let t = clock.Elapsed in f (); printfn "  (%.1f s)" (clock.Elapsed - t).TotalSeconds)

run "g2-r" g2AgainstR
run "kernels" kernels
run "g4c-dk" g4cAgainstKeyWidth
run "g4c-heads" g4cAgainstHeads

let json =
    let row (c: Check) =
        sprintf """    { "name": "%s", "claim": "%s", "maxAbsZ": %.4f, "comparisons": %d, "passed": %b }""" c.Name c.Claim c.MaxAbsZ c.Comparisons c.Passed
    sprintf "{\n  \"zLimit\": %g,\n  \"quick\": %b,\n  \"checks\": [\n%s\n  ]\n}\n" zLimit quick (String.Join(",\n", checks |> Seq.map row))

File.WriteAllText(Path.Combine(outDir, "checks.json"), json)
let failed = checks |> Seq.filter (fun c -> not c.Passed) |> List.ofSeq
printfn "%d checks, %d failed, in %.1f s; figures and checks.json in %s/" checks.Count failed.Length clock.Elapsed.TotalSeconds outDir
if not failed.IsEmpty then exit 1
