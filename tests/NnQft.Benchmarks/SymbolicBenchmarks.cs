// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using NnQft.Model;
using NnQft.Symbolic;

namespace NnQft.Benchmarks;

/// <summary>
/// The symbolic engine's targets (issue 3): derive G4c of the default architecture under 100 ms, G6c with many
/// heads under 5 s, and compiled conditional moments at least 20 times faster than the interpreter.
/// Run: dotnet run -c Release --project tests/NnQft.Benchmarks -- --filter '*SymbolicBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class SymbolicBenchmarks
{
    private static readonly Architecture InfiniteWidths = Architecture.Default with { Features = Width.Infinite, KeyWidth = Width.Infinite };

    private ConditionalMomentEvaluator evaluator = null!;
    private List<double[,]> covariances = null!;
    private EvaluationEnvironment environment = null!;

    [GlobalSetup]
    public void Setup()
    {
        const int heads = 8;
        evaluator = ConditionalMomentEvaluator.Create(Architecture.Default with { Heads = heads }, 4);
        var rng = new Random(7);
        covariances = Enumerable.Range(0, heads).Select(_ =>
        {
            var m = new double[4, 4];
            for (int a = 0; a < 4; a++)
                for (int b = 0; b <= a; b++) m[a, b] = m[b, a] = rng.NextDouble();
            return m;
        }).ToList();
        var symbols = new Dictionary<string, double> { ["N_h"] = heads, ["d_v"] = 256, ["sigma_a"] = 1, ["sigma_b"] = 0 };
        for (int k = 1; k <= 4; k++) symbols["x" + k] = k;
        environment = new EvaluationEnvironment(symbols, new Covariances(covariances), node => throw new InvalidOperationException(node.ToString()));
    }

    /// <summary>Target: under 100 ms.</summary>
    [Benchmark]
    public Expr DeriveG4cDefault() => Derive.Correlator(Architecture.Default, 4, connected: true).Value;

    /// <summary>At D = d_k = inf (the M2/M4 form).</summary>
    [Benchmark]
    public Expr DeriveG4cInfiniteWidths() => Derive.Correlator(InfiniteWidths, 4, connected: true).Value;

    /// <summary>Target: under 5 s (64 heads; N_h stays a symbol, the 1/N_h^2 comes out of the head sums).</summary>
    [Benchmark]
    public Expr DeriveG6cManyHeads() => Derive.Correlator(InfiniteWidths with { Heads = 64 }, 6, connected: true).Value;

    /// <summary>The tree-walking interpreter on the 4-point conditional moment of 8 heads.</summary>
    [Benchmark(Baseline = true)]
    public double InterpretConditionalG4() => Evaluator.Evaluate(evaluator.Expression, environment);

    /// <summary>Target: at least 20 times faster than <see cref="InterpretConditionalG4"/>.</summary>
    [Benchmark]
    public double CompiledConditionalG4() => evaluator.Evaluate(covariances, 256, 1, 0);

    /// <summary>c_h(xa, xb) for the interpreter (head, then points; 1-based).</summary>
    private sealed class Covariances(List<double[,]> perHead) : NodeValues
    {
        public override double Function(string name, NodeArguments args) => perHead[(int)args[0] - 1][(int)args[1] - 1, (int)args[2] - 1];
    }
}
