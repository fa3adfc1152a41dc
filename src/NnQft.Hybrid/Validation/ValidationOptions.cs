// SPDX-License-Identifier: MIT
namespace NnQft.Hybrid.Validation;

/// <summary>Sizes of a validation run (<c>nnqft validate</c>); defaults finish in a few minutes on two cores.</summary>
/// <param name="Networks">Networks for the main Monte Carlo run (the z-table).</param>
/// <param name="AuxiliaryNetworks">Networks for each small run behind the plots (heads, kurtosis, d_v, finite width).</param>
/// <param name="TheorySamples">Logit samples for the theory's four-point attention moments.</param>
/// <param name="Seed">Seed of every Monte Carlo run.</param>
/// <param name="Threads">Worker threads.</param>
/// <example><code>var quick = new ValidationOptions(Networks: 20_000, AuxiliaryNetworks: 2_000, TheorySamples: 20_000, Seed: 1, Threads: 2);</code></example>
public sealed record ValidationOptions(
    long Networks = 400_000,
    long AuxiliaryNetworks = 40_000,
    long TheorySamples = 400_000,
    ulong Seed = 1,
    int Threads = 2);
