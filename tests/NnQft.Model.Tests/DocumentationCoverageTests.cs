// SPDX-License-Identifier: MIT
using NnQft.Tests.Shared;

namespace NnQft.Model.Tests;

/// <summary>Every public type of NnQft.Model has a summary and an example; every public method has a summary.</summary>
public class DocumentationCoverageTests
{
    private static readonly DocumentationCoverage Docs = new(typeof(Architecture).Assembly);

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

    [Test]
    public void CoverageSeesTheApi() =>
        Assert.That(Docs.PublicMethods.Select(DocumentationCoverage.MethodId),
            Does.Contain("M:NnQft.Model.Architecture.TokenDensity(System.Int32)"), "method ids are spelled as the compiler spells them");
}
