// SPDX-License-Identifier: MIT
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NnQft.Documentation.Tests;

/// <summary>
/// Turns an example's code into a method body that checks what the example states. The conventions, for the comment
/// at the end of a statement:
/// <list type="bullet">
/// <item><c>double x = ...; // 0.25</c> (or <c>// 0.25: why</c>): the declared variable (the last one of the
/// statement) equals the stated value: a number (to rounding error), <c>~0.7652</c> (to the digits written),
/// <c>true</c>/<c>false</c>, a named value <c>Type.Member</c> (an enum member or a constant such as <c>Math.PI</c>),
/// or a string literal <c>"x^6"</c> (the value's <c>ToString()</c>, which for expressions is the text printer).</item>
/// <item><c>... ; // throws InvalidInputException naming tokens</c>: the statement throws that exception, naming
/// that field.</item>
/// </list>
/// Any other comment is prose. A stated value on a statement that declares no variable is an error, so no stated
/// value goes unchecked. An example made of type declarations only is compiled, not run.
/// </summary>
public static partial class ExampleInstrumenter
{
    /// <summary>
    /// The instrumented body (or, for an example that declares types, its declarations), the number of checks
    /// inserted, and the errors: a syntax error, or a misused convention.
    /// </summary>
    public static InstrumentedExample Instrument(string code)
    {
        var unit = SyntaxFactory.ParseCompilationUnit(code);
        if (unit.Members.Count > 0 && unit.Members.All(m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax) && !unit.ContainsDiagnostics)
            return new InstrumentedExample(code, true, 0, []);
        var block = (BlockSyntax)SyntaxFactory.ParseStatement("{\n" + code + "\n}");
        var syntax = block.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => "does not parse: " + d.GetMessage()).ToList();
        if (syntax.Count > 0) return new InstrumentedExample("{ }", false, 0, syntax);
        var edits = new List<(int Start, int End, string Text)>();
        var errors = new List<string>();
        foreach (var trivia in block.DescendantTrivia().Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia)))
        {
            var token = trivia.Token;
            if (!token.TrailingTrivia.Contains(trivia)) continue; // a comment on a line of its own is prose
            var statement = token.Parent?.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault();
            if (statement is null || statement is BlockSyntax) continue;
            var text = trivia.ToString()[2..].Trim();
            if (Throws().Match(text) is { Success: true } t)
            {
                var field = t.Groups[2].Success ? Quote(t.Groups[2].Value.Trim('"')) : "null";
                edits.Add((statement.SpanStart, statement.Span.End,
                    $"global::NnQft.Documentation.Tests.ExampleChecks.Throws<{t.Groups[1].Value}>(() => {{ {statement} }}, {field});"));
                continue;
            }
            var stated = StatedValue(text);
            if (stated is null) continue;
            if (statement is not LocalDeclarationStatementSyntax declaration)
            {
                errors.Add($"states {stated} on a statement that declares no variable to check: {statement}");
                continue;
            }
            var name = declaration.Declaration.Variables[^1].Identifier.Text;
            // A named value (an enum member, a constant such as Math.PI) is compiled, so the check compares values.
            var member = NamedValue().IsMatch(stated) ? $"(object?){stated}" : "null";
            edits.Add((statement.Span.End, statement.Span.End,
                $" global::NnQft.Documentation.Tests.ExampleChecks.Stated({Quote(name)}, {name}, {Quote(stated)}, {member});"));
        }
        var body = new StringBuilder(block.ToFullString());
        foreach (var (start, end, text) in edits.OrderByDescending(e => e.Start))
            body.Remove(start, end - start).Insert(start, text);
        return new InstrumentedExample(body.ToString(), false, edits.Count, errors);
    }

    /// <summary>The value a comment states (a literal, up to a colon that starts the explanation), or null for prose.</summary>
    public static string? StatedValue(string comment)
    {
        if (comment.StartsWith('"'))
        {
            var close = QuotedString().Match(comment);
            return close.Success ? close.Value : null;
        }
        var head = comment.Split(':')[0].Trim();
        return Literal().IsMatch(head) ? head : null;
    }

    private static string Quote(string s) => SymbolDisplay.FormatLiteral(s, quote: true);

    [GeneratedRegex(@"^throws\s+([A-Za-z_][\w.]*)(?:\s+naming\s+([^\s:]+))?")]
    private static partial Regex Throws();

    [GeneratedRegex(@"^~?[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^(true|false)$|^[A-Z]\w*\.[A-Z]\w*$")]
    private static partial Regex Literal();

    [GeneratedRegex(@"^[A-Z]\w*\.[A-Z]\w*$")]
    private static partial Regex NamedValue();

    [GeneratedRegex(@"^""(?:[^""\\]|\\.)*""")]
    private static partial Regex QuotedString();
}

/// <summary>An example's code made ready to compile: a method body, or type declarations (<paramref name="Declares"/>).</summary>
public sealed record InstrumentedExample(string Code, bool Declares, int Checks, IReadOnlyList<string> Errors);
