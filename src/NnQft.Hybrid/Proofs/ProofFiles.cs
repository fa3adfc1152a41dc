// SPDX-License-Identifier: MIT
using System.Text;

namespace NnQft.Hybrid.Proofs;

/// <summary>The outcome of writing or verifying proofs/: OK, or a one-line reason.</summary>
/// <param name="Ok">True when every step checked (and, for a verification, every file matched).</param>
/// <param name="Reason">Empty when OK; otherwise one line saying what is wrong.</param>
/// <param name="Files">The file names involved, in order.</param>
/// <example><code>ProofOutcome outcome = ProofFiles.Verify("no-such-folder", [ProofRenderer.Render(new ProofDocument("double.md", "Doubling", "2x = x + x.", [StepChecks.Equation("by the canonical sum", "2x", 2 * Sym.Var("x"), Sym.Var("x") + Sym.Var("x"))]))]); bool ok = outcome.Ok; // false</code></example>
public sealed record ProofOutcome(bool Ok, string Reason, IReadOnlyList<string> Files);

/// <summary>Writes the rendered documents to a directory, or verifies that a directory holds exactly what the code generates.</summary>
/// <example><code>ProofOutcome written = ProofFiles.Write("proofs", [ProofRenderer.Render(new ProofDocument("double.md", "Doubling", "2x = x + x.", [StepChecks.Equation("by the canonical sum", "2x", 2 * Sym.Var("x"), Sym.Var("x") + Sym.Var("x"))]))]); // ProofFiles.Write("proofs", ProofCatalog.Render()) is nnqft prove</code></example>
public static class ProofFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes every document to <paramref name="directory"/> (created if missing); not OK when a step failed.</summary>
    /// <example><code>ProofOutcome o = ProofFiles.Write("proofs", [ProofRenderer.Render(new ProofDocument("double.md", "Doubling", "2x = x + x.", [StepChecks.Equation("by the canonical sum", "2x", 2 * Sym.Var("x"), Sym.Var("x") + Sym.Var("x"))]))]); string file = o.Files[0]; // "double.md"</code></example>
    public static ProofOutcome Write(string directory, IReadOnlyList<RenderedProof> rendered)
    {
        Directory.CreateDirectory(directory);
        foreach (var r in rendered) File.WriteAllText(Path.Combine(directory, r.FileName), r.Markdown, Utf8);
        return Failed(rendered) ?? new ProofOutcome(true, "", rendered.Select(r => r.FileName).ToList());
    }

    /// <summary>
    /// Verifies without writing: every step checks and every file on disk equals the generated text byte for byte
    /// (line endings normalised to LF first, so a checkout with CRLF conversion still verifies).
    /// </summary>
    /// <example><code>var rendered = new[] { ProofRenderer.Render(new ProofDocument("double.md", "Doubling", "2x = x + x.", [StepChecks.Equation("by the canonical sum", "2x", 2 * Sym.Var("x"), Sym.Var("x") + Sym.Var("x"))])) }; ProofFiles.Write("proofs", rendered); bool upToDate = ProofFiles.Verify("proofs", rendered).Ok; // true</code></example>
    public static ProofOutcome Verify(string directory, IReadOnlyList<RenderedProof> rendered)
    {
        var failed = Failed(rendered);
        if (failed is not null) return failed;
        foreach (var r in rendered)
        {
            var path = Path.Combine(directory, r.FileName);
            if (!File.Exists(path)) return new(false, $"{path} is missing; run `nnqft prove` to generate it", []);
            var onDisk = File.ReadAllText(path, Utf8).Replace("\r\n", "\n", StringComparison.Ordinal);
            if (onDisk != r.Markdown)
                return new(false, $"{path} differs from what the code generates (first difference at line {FirstDifferentLine(onDisk, r.Markdown)}); run `nnqft prove`", []);
        }
        return new ProofOutcome(true, "", rendered.Select(r => r.FileName).ToList());
    }

    private static ProofOutcome? Failed(IReadOnlyList<RenderedProof> rendered)
    {
        var failures = rendered.SelectMany(r => r.Failures).ToList();
        return failures.Count == 0 ? null
            : new ProofOutcome(false, $"{failures.Count} step(s) do not check; first: {failures[0].Replace('\n', ' ')}", []);
    }

    private static int FirstDifferentLine(string a, string b)
    {
        var la = a.Split('\n');
        var lb = b.Split('\n');
        int n = Math.Min(la.Length, lb.Length);
        for (int i = 0; i < n; i++) if (la[i] != lb[i]) return i + 1;
        return n + 1;
    }
}
