// SPDX-License-Identifier: MIT
using NnQft.Tests.Shared;

namespace NnQft.Symbolic.Tests;

/// <summary>Every public type of NnQft.Symbolic has a summary and an example; every public method has a summary.</summary>
public class DocumentationCoverageTests() : LibraryDocumentationTests(typeof(NnQft.Symbolic.Expr));
