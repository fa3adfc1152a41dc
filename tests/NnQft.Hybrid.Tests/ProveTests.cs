// SPDX-License-Identifier: MIT
using NnQft.Hybrid.Proofs;
using NnQft.Model;
using NnQft.Symbolic;
using static NnQft.Symbolic.NetworkSymbols;

namespace NnQft.Hybrid.Tests;

/// <summary>
/// proofs/: the checked-in documents are exactly what the code generates and every step checks; a wrong step or
/// an edited file is reported.
/// </summary>
public sealed class ProveTests
{
    private static readonly Lazy<IReadOnlyList<RenderedProof>> Rendered = new(ProofCatalog.Render);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NnQft.Symbolic.sln"))) return dir.FullName;
        throw new InvalidOperationException("NnQft.Symbolic.sln not found above " + AppContext.BaseDirectory);
    }

    [Test]
    public void EveryStepOfEveryDocumentChecks()
    {
        Assert.That(Rendered.Value.Select(r => r.FileName), Is.EqualTo(new[]
            { "two-point.md", "four-point.md", "multi-head.md", "rf-kernels.md", "small-logit.md", "hard-attention.md" }));
        Assert.That(Rendered.Value.SelectMany(r => r.Failures), Is.Empty);
        Assert.That(Rendered.Value.All(r => !r.Markdown.Contains("FAILED", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void CheckedInProofsEqualWhatTheCodeGenerates()
    {
        var outcome = ProofFiles.Verify(Path.Combine(RepoRoot(), "proofs"), Rendered.Value);
        Assert.That(outcome.Ok, Is.True, outcome.Reason);
    }

    [Test]
    public void GenerationIsDeterministic()
    {
        var again = ProofRenderer.Render(ProofCatalog.All()[3]);
        Assert.That(again.Markdown, Is.EqualTo(Rendered.Value[3].Markdown));
    }

    [Test]
    public void ADeliberatelyWrongStepIsReported()
    {
        // G_2 without the bias term: false for sigma_b != 0, and the engine must say so.
        var derived = Derive.Correlator(Architecture.Default with { SigmaB = 0.5, Features = Width.Infinite }, 2, connected: false);
        var wrong = new ProofDocument("wrong.md", "A wrong proof", "Claim: G_2 has no bias term.",
        [
            StepChecks.Equation("A true step.", "G_{2}", derived.ValueInC, SigmaB * SigmaB + SigmaA * SigmaA * Expectation.Of(C(Point(1), Point(2)))),
            StepChecks.Equation("A false step.", "G_{2}", derived.ValueInC, SigmaA * SigmaA * Expectation.Of(C(Point(1), Point(2)))),
            new("A numeric step outside its tolerance.", "1 = 1.001",
                () => StepChecks.Numeric("constant", [0.5], _ => 1.0, _ => 1.001, _ => 1e-6, "1e-6")),
        ]);
        var rendered = ProofRenderer.Render(wrong);
        Assert.That(rendered.Failures, Has.Count.EqualTo(2));
        Assert.That(rendered.Failures[0], Does.StartWith("wrong.md step 2 "));
        Assert.That(rendered.Failures[1], Does.StartWith("wrong.md step 3 "));
        Assert.That(rendered.Markdown, Does.Contain("*FAILED:*"));
        var outcome = ProofFiles.Verify(Path.GetTempPath(), [rendered]);
        Assert.That(outcome.Ok, Is.False);
        Assert.That(outcome.Reason, Does.Contain("2 step(s) do not check").And.Not.Contain("\n"));
    }

    [Test]
    public void AnEditedFileIsReported()
    {
        var dir = Directory.CreateTempSubdirectory("nnqft-prove-").FullName;
        try
        {
            Assert.That(ProofFiles.Write(dir, Rendered.Value).Ok, Is.True);
            Assert.That(ProofFiles.Verify(dir, Rendered.Value).Ok, Is.True);
            var path = Path.Combine(dir, "small-logit.md");
            File.WriteAllText(path, File.ReadAllText(path).Replace("rho", "r", StringComparison.Ordinal));
            var outcome = ProofFiles.Verify(dir, Rendered.Value);
            Assert.That(outcome.Ok, Is.False);
            Assert.That(outcome.Reason, Does.Contain("small-logit.md differs"));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
