// SPDX-License-Identifier: MIT
using NnQft.Tests.Shared;

namespace NnQft.Cli.Tests;

/// <summary>Every public type of NnQft.Hybrid has a summary and an example; every public method has a summary.</summary>
public class HybridDocumentationCoverageTests() : LibraryDocumentationTests(typeof(NnQft.Hybrid.Proofs.ProofCatalog));
