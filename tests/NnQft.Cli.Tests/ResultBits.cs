// SPDX-License-Identifier: MIT
using NnQft.Numerics.Results;

namespace NnQft.Cli.Tests;

/// <summary>Bit-for-bit equality of two results' estimates (every value and standard error; not the seconds).</summary>
internal static class ResultBits
{
    public static bool Same(CorrelatorResult a, CorrelatorResult b) =>
        a.Samples == b.Samples
        && a.G2.Value.Zip(b.G2.Value).All(r => r.First.SequenceEqual(r.Second))
        && a.G2.Stderr.Zip(b.G2.Stderr).All(r => r.First.SequenceEqual(r.Second))
        && a.G4.Count == b.G4.Count
        && a.G4.Zip(b.G4).All(e => e.First.Value.Equals(e.Second.Value) && e.First.Stderr.Equals(e.Second.Stderr)
            && e.First.Connected.Equals(e.Second.Connected) && e.First.ConnectedStderr.Equals(e.Second.ConnectedStderr));
}
