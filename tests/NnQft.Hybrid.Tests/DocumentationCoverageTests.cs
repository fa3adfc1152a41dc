// SPDX-License-Identifier: MIT
using NnQft.Tests.Shared;

namespace NnQft.Hybrid.Tests;

/// <summary>Every public type of NnQft.Hybrid has a summary and an example; every public method has a summary.</summary>
public class DocumentationCoverageTests() : LibraryDocumentationTests(typeof(NnQft.Hybrid.Proofs.ProofCatalog));
