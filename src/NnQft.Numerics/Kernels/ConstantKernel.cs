// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Kernels;

/// <summary>The kernel of the constant unit-vector query embedding: identically 1.</summary>
public sealed class ConstantKernel : RadialKernel
{
    /// <summary>The constant kernel in dimension <paramref name="dimension"/>.</summary>
    public ConstantKernel(int dimension) : base(dimension) { }

    /// <inheritdoc />
    public override double Value(double r) => 1.0;
}
