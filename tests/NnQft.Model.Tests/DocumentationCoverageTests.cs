// SPDX-License-Identifier: MIT
using NnQft.Tests.Shared;

namespace NnQft.Model.Tests;

/// <summary>Every public type of NnQft.Model has a summary and an example; every public method has a summary.</summary>
public class DocumentationCoverageTests() : LibraryDocumentationTests(typeof(Architecture))
{
    [Test]
    public void CoverageSeesTheApi() =>
        Assert.That(Docs.PublicMethods.Select(DocumentationCoverage.MethodId),
            Does.Contain("M:NnQft.Model.Architecture.TokenDensity(System.Int32)"), "method ids are spelled as the compiler spells them");
}
