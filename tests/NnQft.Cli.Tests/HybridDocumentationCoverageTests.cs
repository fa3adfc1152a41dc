// SPDX-License-Identifier: MIT
using NnQft.Tests.Shared;

namespace NnQft.Cli.Tests;

/// <summary>Every public type of NnQft.Hybrid has a summary and an example; every public method has a summary.</summary>
public class HybridDocumentationCoverageTests
{
    private static readonly DocumentationCoverage Docs = new(typeof(NnQft.Hybrid.Proofs.ProofCatalog).Assembly);

    [Test]
    public void EveryPublicTypeHasSummaryAndExample()
    {
        TestContext.Out.WriteLine(Docs.Tally);
        Assert.That(Docs.TypesWithoutSummary, Is.Empty, () => DocumentationCoverage.Listing("types without <summary>", Docs.TypesWithoutSummary));
        Assert.That(Docs.TypesWithoutExample, Is.Empty, () => DocumentationCoverage.Listing("types without <example>", Docs.TypesWithoutExample));
    }

    [Test]
    public void EveryPublicMethodHasSummary() =>
        Assert.That(Docs.MethodsWithoutSummary, Is.Empty, () => DocumentationCoverage.Listing("methods without <summary>", Docs.MethodsWithoutSummary));
}
