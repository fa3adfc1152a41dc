// SPDX-License-Identifier: MIT
using System.Buffers;

namespace NnQft.Numerics.Attention;

/// <summary>
/// A zeroed scratch array rented from the shared pool. The quadrature's grids are a few hundred kilobytes each, so
/// fresh arrays would land on the large-object heap and cost a full collection every few calls.
/// </summary>
internal readonly struct PooledBuffer : IDisposable
{
    private readonly double[] _array;
    private readonly int _length;

    public PooledBuffer(int length)
    {
        _array = ArrayPool<double>.Shared.Rent(Math.Max(1, length));
        _length = length;
        Span.Clear();
    }

    public Span<double> Span => _array.AsSpan(0, _length);

    public void Dispose() => ArrayPool<double>.Shared.Return(_array);
}
