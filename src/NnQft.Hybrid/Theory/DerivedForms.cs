// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using NnQft.Model;
using NnQft.Symbolic;

namespace NnQft.Hybrid.Theory;

/// <summary>
/// The three derived forms of one order n (docs/theory.md sections 5 and 11): the full G_n and the independence-breaking
/// and finite-width parts of G_nc, compiled into <see cref="MomentForms"/>. Derivations are cached per process: the
/// derivation keeps N_h (and every sigma) a symbol that only the binding gives a value, so the architectures of a head
/// scan (validate's G4c and G6c figures) share one derivation. The key is the limit architecture with N_h set to 1.
/// </summary>
internal static class DerivedForms
{
    private const int CacheLimit = 16;

    private static readonly ConcurrentDictionary<(Architecture, int), Lazy<Expr[]>> Cache = new();

    /// <summary>The compiled forms of order 4 or 6 at the (limit) architecture.</summary>
    public static MomentForms Of(Architecture limit, int order) =>
        new(Derivations(limit, order), order, NetworkBinding.Of(limit), limit.Tokens);

    private static Expr[] Derivations(Architecture limit, int order)
    {
        if (Cache.Count > CacheLimit) Cache.Clear();
        return Cache.GetOrAdd((limit with { Heads = 1 }, order), key => new Lazy<Expr[]>(() =>
        {
            var full = Derive.Correlator(key.Item1, order, connected: false);
            var connected = Derive.Correlator(key.Item1, order, connected: true);
            return [full.Value, connected.IndependenceBreaking, connected.FiniteWidth];
        })).Value;
    }
}
