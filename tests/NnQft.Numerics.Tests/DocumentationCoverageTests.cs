// SPDX-License-Identifier: MIT
using NnQft.Tests.Shared;

namespace NnQft.Numerics.Tests;

/// <summary>Every public type of NnQft.Numerics has a summary and an example; every public method has a summary.</summary>
public class DocumentationCoverageTests
{
    private static readonly DocumentationCoverage Docs = new(typeof(NnQft.Numerics.MonteCarlo.MonteCarloSampler).Assembly);

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
