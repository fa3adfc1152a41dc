// SPDX-License-Identifier: MIT
namespace NnQft.Hybrid.Proofs;

/// <summary>Every document of proofs/, in a fixed order (the section order of docs/theory.md).</summary>
/// <example><code>foreach (var proof in ProofCatalog.All()) Console.WriteLine($"{proof.FileName}: {proof.Title}");</code></example>
public static class ProofCatalog
{
    /// <summary>Builds the documents (derivations run here; checks run when rendered).</summary>
    public static IReadOnlyList<ProofDocument> All() =>
    [
        TwoPointProof.Create(),
        FourPointProof.Create(),
        MultiHeadProof.Create(),
        KernelProof.Create(),
        SmallLogitProof.Create(),
        HardAttentionProof.Create(),
    ];

    /// <summary>Checks and renders every document.</summary>
    public static IReadOnlyList<RenderedProof> Render() => All().Select(ProofRenderer.Render).ToList();
}
