// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using NnQft.Model;
using NnQft.Numerics.Estimation;
using NnQft.Numerics.Results;
using NnQft.Numerics.Sampling;

namespace NnQft.Numerics.MonteCarlo;

/// <summary>
/// Runs <c>sample</c>: networks 0..N-1, estimates of G2 and G4, checkpoints and shards.
/// <para><b>Why results are bit-identical for any threads, batch size, shards and restarts.</b> Network indices are
/// cut into fixed blocks of <see cref="BlockSize"/> consecutive indices. A block is always summed by one thread, in a
/// fixed order (products as dot products over the block's networks in index order), in doubles, so its sums depend
/// only on the block. Block sums then go into exact
/// accumulators (<see cref="ExactSum"/>), where addition is associative, so it does not matter which thread,
/// shard or resumed process added which block, nor in what order. Shards are contiguous runs of whole blocks, and
/// a checkpoint records exactly which blocks it holds.</para>
/// </summary>
/// <example><code>
/// SampleOutcome run = MonteCarloSampler.Sample(new SampleOptions(Architecture.Default, PointSet.Default) { Networks = 1_000, Seed = 1 });
/// double g2 = run.Result.G2.Value[0][1], se = run.Result.G2.Stderr[0][1];
/// </code></example>
public static class MonteCarloSampler
{
    /// <summary>Networks per block: the unit of work, of shards and of checkpoints. Changing it changes results.</summary>
    /// <example><code>long networks = 10 * MonteCarloSampler.BlockSize; // a whole number of blocks shards evenly</code></example>
    public const int BlockSize = 128;

    /// <summary>Runs the options' shard of networks (resuming from the checkpoint when it exists).</summary>
    /// <example><code>
    /// var outcome = MonteCarloSampler.Sample(new SampleOptions(Architecture.Default, PointSet.Default) { Networks = 1_000 });
    /// File.WriteAllText("g.json", outcome.ToJson());
    /// </code></example>
    public static SampleOutcome Sample(SampleOptions options)
    {
        Validate(options);
        string identity = RunIdentity.Of(options);
        long totalBlocks = (options.Networks + BlockSize - 1) / BlockSize;
        long firstBlock = totalBlocks * (options.ShardIndex - 1) / options.ShardCount;
        long endBlock = totalBlocks * options.ShardIndex / options.ShardCount;
        var state = LoadCheckpoint(options, identity)
            ?? new MomentState(
                new MomentLayout(options.Points.Count, options.G4, options.ObservationSamplers is not null),
                options.G6.IsNone ? null : new SixPointLayout(options.Points.Count, options.G6));
        var todo = new List<long>();
        long shardNetworks = 0;
        for (long b = firstBlock; b < endBlock; b++)
        {
            shardNetworks += BlockNetworks(b, options.Networks);
            if (!state.Blocks.Contains(b)) todo.Add(b);
        }
        var clock = Stopwatch.StartNew();
        double priorSeconds = state.Seconds;
        var run = new Run(options, identity, state, todo, shardNetworks, clock, priorSeconds);
        bool complete = run.Execute();
        state.Seconds = priorSeconds + clock.Elapsed.TotalSeconds;
        if (options.CheckpointPath is not null) run.SaveCheckpoint();
        // Cancelled (SIGINT/SIGTERM): the checkpoint above holds every whole block done; no result is returned.
        if (!complete) throw new OperationCanceledException("sampling was cancelled; the checkpoint holds the blocks done", options.Cancellation);
        var result = CorrelatorEstimator.Estimate(state, options.Method.Name(), options.Points);
        return new SampleOutcome(result, StateCodec.Encode(identity, options.ShardIndex, options.ShardCount, state));
    }

    /// <summary>
    /// Combines outputs of <c>sample</c> (shards) or checkpoints of the same run over disjoint blocks into one
    /// result. <paramref name="inputs"/> holds (file name for messages, file text). The result keeps the inputs' G4
    /// selection, or lists <paramref name="g4"/> when given, which must be part of it (<c>merge --g4</c>).
    /// </summary>
    /// <example><code>
    /// var o = new SampleOptions(Architecture.Default, PointSet.Default) { Networks = 1_024, ShardCount = 2 };
    /// var merged = MonteCarloSampler.Merge([("1", MonteCarloSampler.Sample(o).ToJson()), ("2", MonteCarloSampler.Sample(o with { ShardIndex = 2 }).ToJson())]);
    /// </code></example>
    public static SampleOutcome Merge(IReadOnlyList<(string Source, string Json)> inputs, TupleSelection? g4 = null, TupleSelection? g6 = null)
    {
        if (inputs.Count == 0) throw new InvalidInputException("merge", "needs at least one result file");
        MomentState? total = null;
        string identity = "";
        foreach (var (source, json) in inputs)
        {
            var (_, stateText) = CorrelatorResultJson.Read(json, source);
            if (stateText.Length == 0)
                throw new InvalidInputException(source, "has no \"state\" key: only outputs of sample (or checkpoints) can be merged");
            var decoded = StateCodec.Decode(stateText, source);
            if (total is null)
            {
                total = decoded.State;
                identity = decoded.Identity;
                continue;
            }
            if (decoded.Identity != identity && RunIdentity.WithoutG4(decoded.Identity) == RunIdentity.WithoutG4(identity))
                throw new InvalidInputException(source,
                    $"selects other G4 tuples (--g4 {Describe(decoded.State.Layout.Selection)}) than the first file (--g4 {Describe(total.Layout.Selection)}); only runs with the same --g4 merge");
            if (decoded.Identity != identity)
                throw new InvalidInputException(source, "belongs to a different run (architecture, points, seed, method or nets differ) than the first file");
            switch (total.TryMerge(decoded.State))
            {
                case MergeOutcome.DifferentLayout:
                    throw new InvalidInputException(source, $"holds a different layout ({DescribeLayout(decoded.State.Layout)}) than the first file ({DescribeLayout(total.Layout)})");
                case MergeOutcome.Overlap:
                    throw new InvalidInputException(source, "overlaps networks already merged (the same shard given twice?)");
            }
        }
        var points = RunIdentity.Points(identity);
        var selection = total!.Layout.Selection;
        if (g4 is not null && !selection.Contains(g4, points.Count))
            throw new InvalidInputException(nameof(g4), $"must be part of the inputs' selection (--g4 {Describe(selection)}): merge can only report tuples the runs accumulated", Describe(g4));
        var sixSelection = total.SixPoint?.Selection ?? TupleSelection.None(6);
        if (g6 is not null && !sixSelection.Contains(g6, points.Count))
            throw new InvalidInputException(nameof(g6), $"must be part of the inputs' six-point tuples (--g6 {Describe(sixSelection)}): merge can only report tuples the runs accumulated", Describe(g6));
        var result = CorrelatorEstimator.Estimate(total!, RunIdentity.Method(identity), points, g4, g6);
        return new SampleOutcome(result, StateCodec.Encode(identity, 0, 0, total!));
    }

    private static string DescribeLayout(MomentLayout layout) =>
        $"{layout.PointCount} points, {(layout.Conditional ? "conditional" : "plain")} sums";
    private static string Describe(TupleSelection s) => s.Kind == SelectionKind.Listed ? $"FILE with {s.Count(0)} tuples" : s.Canonical();

    private static long BlockNetworks(long block, long networks) => Math.Min(BlockSize, networks - block * BlockSize);

    private static void Validate(SampleOptions o)
    {
        o.Architecture.Validated();
        o.Points.ValidatedFor(o.Architecture, nameof(o.Points));
        CheckMemory(o);
        if (o.Networks < 1) throw new InvalidInputException(nameof(o.Networks), "must be an integer >= 1", Show(o.Networks));
        if (o.Threads < 1) throw new InvalidInputException(nameof(o.Threads), "must be an integer >= 1", Show(o.Threads));
        if (o.BlocksPerBatch < 1) throw new InvalidInputException(nameof(o.BlocksPerBatch), "must be an integer >= 1", Show(o.BlocksPerBatch));
        if (o.ShardCount < 1 || o.ShardIndex < 1 || o.ShardIndex > o.ShardCount)
            throw new InvalidInputException(nameof(o.ShardIndex), "must be k/n with 1 <= k <= n", $"{o.ShardIndex}/{o.ShardCount}");
        if (o.G6.Arity != 6 || o.G6.IsAll) throw new InvalidInputException(nameof(o.G6), "must be a CSV file of 6 zero-based point indices per line");
        if (o.Method == SamplingMethod.RaoBlackwell)
        {
            if (!o.G6.IsNone)
                throw new InvalidInputException(nameof(o.G6), "is estimated by --method exact or bruteforce; raoBlackwell has no conditional sixth moments yet", "raoBlackwell");
            if (!o.G4.IsAll)
                throw new InvalidInputException(nameof(o.G4), "raoBlackwell observes every G4 tuple: use --g4 all with it (or --method exact)", o.G4.Kind == SelectionKind.None ? "none" : "FILE");
            // The conditional moments are derived by the symbolic engine, which this module does not reference.
            if (o.ObservationSamplers is null)
                throw new InvalidInputException(nameof(o.Method), "raoBlackwell needs its observation sampler (NnQft.Hybrid RaoBlackwellSampling.Options)", "raoBlackwell");
            return;
        }
        if (o.ObservationSamplers is not null)
            throw new InvalidInputException(nameof(o.Method), "observation samplers are for raoBlackwell only", o.Method.Name());
        // Building one sampler checks method-specific limits (bruteforce refuses infinite widths).
        try
        {
            NetworkSamplers.Create(o.Architecture, o.Points, o.Method, o.Seed);
        }
        catch (ArithmeticException e)
        {
            throw Overflow(e);
        }
    }

    // Kernel or feature values that overflow (valid but extreme coordinates, length scales or cutoffs).
    private static InvalidInputException Overflow(ArithmeticException e) =>
        new("--points", "must keep coordinates times frequencies (1 / lengthScale, or cutoff) small enough for finite kernel values; scale them down", e.Message);

    // The limit on points and tuples is memory, checked before anything is allocated (docs/cli.md section 5).
    private static void CheckMemory(SampleOptions o)
    {
        int p = o.Points.Count;
        if (p > MomentLayout.MaxPoints)
            throw new InvalidInputException(nameof(o.Points), $"must hold 1..{MomentLayout.MaxPoints} points", Show(p));
        long quads = o.G4.Count(p);
        double need = MomentLayout.EstimatedBytes(p, quads, o.Threads);
        double available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (need > 0.8 * available || quads > int.MaxValue / 64)
        {
            string what = o.G4.IsNone ? $"G2 over {p} points" : $"{quads} G4 tuples over {p} points";
            throw new InvalidInputException(o.G4.IsNone ? nameof(o.Points) : nameof(o.G4),
                $"{what} needs about {need / 1e9:F1} GB of accumulators, more than the {0.8 * available / 1e9:F1} GB available; "
                + (o.G4.IsNone ? "use fewer points" : "choose --g4 none or a file of the tuples wanted"),
                o.G4.IsNone ? Show(p) : Describe(o.G4));
        }
    }

    private static string Show(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static MomentState? LoadCheckpoint(SampleOptions o, string identity)
    {
        if (o.CheckpointPath is null || !File.Exists(o.CheckpointPath)) return null;
        string text;
        try
        {
            text = File.ReadAllText(o.CheckpointPath);
        }
        catch (IOException e)
        {
            throw new InvalidInputException(nameof(o.CheckpointPath), "must be a readable file", e.Message);
        }
        var (_, stateText) = CorrelatorResultJson.Read(text, nameof(o.CheckpointPath));
        if (stateText.Length == 0) throw new InvalidInputException(nameof(o.CheckpointPath), "is not a checkpoint (no \"state\" key)", o.CheckpointPath);
        var decoded = StateCodec.Decode(stateText, nameof(o.CheckpointPath));
        if (decoded.Identity != identity || decoded.ShardIndex != o.ShardIndex || decoded.ShardCount != o.ShardCount)
            throw new InvalidInputException(nameof(o.CheckpointPath),
                "belongs to a different run (architecture, points, seed, method, nets or shard differ); delete it or choose another file", o.CheckpointPath);
        return decoded.State;
    }

    /// <summary>One execution: workers claim blocks from a shared list and fold them into the state under a lock.</summary>
    private sealed class Run(
        SampleOptions options, string identity, MomentState state, List<long> todo, long shardNetworks, Stopwatch clock, double priorSeconds)
    {
        private readonly object gate = new();
        private long next;
        private long done = shardNetworks - todo.Sum(b => BlockNetworks(b, options.Networks));
        private TimeSpan lastSave = TimeSpan.Zero;

        /// <summary>Runs the workers; false when cancelled before every block was done.</summary>
        public bool Execute()
        {
            int threads = (int)Math.Min(options.Threads, Math.Max(1, todo.Count));
            var workers = new Thread[threads];
            var errors = new Exception?[threads];
            for (int i = 0; i < threads; i++)
            {
                int id = i;
                workers[i] = new Thread(() =>
                {
                    try
                    {
                        Work();
                    }
                    catch (Exception e)
                    {
                        errors[id] = e;
                        Interlocked.Exchange(ref next, long.MaxValue / 2);
                    }
                }) { IsBackground = true, Name = $"nnqft-sampler-{i}" };
                workers[i].Start();
            }
            foreach (var w in workers) w.Join();
            foreach (var e in errors)
                if (e is not null) throw e is InvalidInputException ? e : e is ArithmeticException a ? Overflow(a) : new InvalidOperationException("a sampler thread failed", e);
            return done == shardNetworks;
        }

        public void SaveCheckpoint()
        {
            lock (gate)
            {
                state.Seconds = priorSeconds + clock.Elapsed.TotalSeconds;
                var result = CorrelatorEstimator.Estimate(state, options.Method.Name(), options.Points);
                string json = CorrelatorResultJson.Write(result, StateCodec.Encode(identity, options.ShardIndex, options.ShardCount, state));
                string path = options.CheckpointPath!;
                string temp = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
                File.WriteAllText(temp, json);
                File.Move(temp, path, overwrite: true);
                lastSave = clock.Elapsed;
            }
        }

        private void Work()
        {
            var layout = state.Layout;
            var observer = options.ObservationSamplers?.Invoke(options);
            var sampler = observer is null ? NetworkSamplers.Create(options.Architecture, options.Points, options.Method, options.Seed) : null;
            if (observer is not null && observer.PointCount != layout.PointCount)
                throw new InvalidOperationException($"the observation sampler has {observer.PointCount} points, the run {layout.PointCount}");
            var phi = new double[options.Points.Count];
            var x2 = observer is null ? [] : new double[layout.Pairs.Count];
            var x4 = new double[layout.Quads.Count];
            var scratch = observer is null ? new double[layout.BlockScratchLength(BlockSize)] : [];
            var fields = observer is null ? new double[phi.Length * BlockSize] : [];
            var sums = new double[layout.Length];
            var six = state.SixPoint;
            var sixSums = new double[six?.Length ?? 0];
            var sixScratch = new double[six?.ScratchLength ?? 0];
            int batch = options.BlocksPerBatch;
            var cancellation = options.Cancellation;
            while (!cancellation.IsCancellationRequested)
            {
                long start = Interlocked.Add(ref next, batch) - batch;
                if (start >= todo.Count) return;
                long end = Math.Min(start + batch, todo.Count);
                for (long j = start; j < end; j++)
                {
                    long block = todo[(int)j];
                    long first = block * BlockSize;
                    long count = BlockNetworks(block, options.Networks);
                    Array.Clear(sums);
                    Array.Clear(sixSums);
                    int n = (int)count;
                    for (int i = 0; i < n; i++)
                    {
                        // A cancelled block is dropped whole: the checkpoint records only blocks summed to the end.
                        if (cancellation.IsCancellationRequested) return;
                        if (observer is not null)
                        {
                            observer.Observe(first + i, x2, x4);
                            FiniteValues.CheckObservations(x2, x4, first + i);
                            layout.AccumulateObservations(x2, x4, sums);
                        }
                        else
                        {
                            // Point-major block of fields: the products become dot products over the block's networks.
                            sampler!.Sample(first + i, phi);
                            FiniteValues.CheckOutputs(phi, first + i, options.Points);
                            for (int q = 0; q < phi.Length; q++) fields[q * n + i] = phi[q];
                            six?.Accumulate(phi, sixSums, sixScratch);
                        }
                    }
                    if (observer is null) layout.AccumulateBlock(fields, n, sums, scratch);
                    FiniteValues.CheckBlockSums(sums, block, FiniteValues.FourPointPower);
                    FiniteValues.CheckBlockSums(sixSums, block, FiniteValues.SixPointPower);
                    long doneNow;
                    bool save;
                    lock (gate)
                    {
                        state.AddBlock(block, sums, count, sixSums);
                        done += count;
                        doneNow = done;
                        save = options.CheckpointPath is not null && clock.Elapsed - lastSave >= options.CheckpointInterval;
                    }
                    if (save) SaveCheckpoint();
                    options.Progress?.Invoke(doneNow, shardNetworks);
                }
            }
        }
    }
}
