// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using NnQft.Model;
using NnQft.Numerics.Kernels;

namespace NnQft.Benchmarks;

/// <summary>One kernel value k(r) per call, for every family (the samplers at D = infinity call these).</summary>
public class KernelBenchmarks
{
    [Params("gaussian", "matern", "cauchy", "ball2", "ball3", "freeScalar3")]
    public string Family { get; set; } = "gaussian";

    private RadialKernel _kernel = new GaussianKernel(1, 2);

    [GlobalSetup]
    public void Setup() => _kernel = Family switch
    {
        "gaussian" => KernelEvaluator.For(new GaussianDensity(0.7), 2),
        "matern" => KernelEvaluator.For(new MaternDensity(3, 0.5), 2),
        "cauchy" => KernelEvaluator.For(new CauchyDensity(1), 2),
        "ball2" => KernelEvaluator.For(new BallDensity(4), 2),
        "ball3" => KernelEvaluator.For(new BallDensity(4), 3),
        _ => KernelEvaluator.For(new FreeScalarDensity(20, 1), 3),
    };

    [Benchmark]
    public double Value() => _kernel.Value(0.83);
}
