// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

// The convergence tests drive the quadrature at finer resolution than the public API uses.
[assembly: InternalsVisibleTo("NnQft.Numerics.Tests")]
[assembly: InternalsVisibleTo("NnQft.Benchmarks")]
