// SPDX-License-Identifier: MIT
using NnQft.Tests.Shared;

namespace NnQft.Numerics.Tests;

/// <summary>Every public type of NnQft.Numerics has a summary and an example; every public method has a summary.</summary>
public class DocumentationCoverageTests() : LibraryDocumentationTests(typeof(NnQft.Numerics.MonteCarlo.MonteCarloSampler));
