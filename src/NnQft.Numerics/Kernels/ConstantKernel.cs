// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Kernels;

/// <summary>The kernel of the constant unit-vector query embedding: identically 1.</summary>
/// <example><code>double k = new ConstantKernel(2).Value(10.0); // 1</code></example>
public sealed class ConstantKernel : RadialKernel
{
    /// <summary>The constant kernel in dimension <paramref name="dimension"/>.</summary>
    /// <example><code>RadialKernel k0 = new ConstantKernel(dimension: 2);</code></example>
    public ConstantKernel(int dimension) : base(dimension) { }

    /// <inheritdoc />
    public override double Value(double r) => 1.0;
}
