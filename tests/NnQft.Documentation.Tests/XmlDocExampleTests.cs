// SPDX-License-Identifier: MIT
using System.Reflection;

namespace NnQft.Documentation.Tests;

/// <summary>
/// Every <c>&lt;example&gt;&lt;code&gt;</c> block of the Model, Numerics, Symbolic and Hybrid XML documentation is compiled
/// against the libraries and run, and each value it states in a comment is checked (conventions: <see cref="ExampleInstrumenter"/>).
/// </summary>
public class XmlDocExampleTests
{
    private static readonly Assembly[] Libraries =
    [
        typeof(NnQft.Model.Architecture).Assembly,
        typeof(NnQft.Numerics.MonteCarlo.MonteCarloSampler).Assembly,
        typeof(NnQft.Symbolic.Expr).Assembly,
        typeof(NnQft.Hybrid.Theory.TheoryEvaluator).Assembly,
    ];

    [Test]
    public void EveryExampleCompilesRunsAndHoldsWhatItStates()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var examples = DocExample.From(Libraries);
        var compiled = ExampleCompiler.Compile(examples, Libraries);
        var compiling = clock.Elapsed;
        var outcomes = ExampleRunner.Run(compiled);
        var failures = outcomes.Where(o => o.Failure is not null).ToList();
        TestContext.Out.WriteLine($"{examples.Count} examples: {outcomes.Count(o => o.Compiled)} compiled, "
            + $"{outcomes.Count(o => o.Ran)} run ({outcomes.Count(o => o.Ran && o.Failure is null)} clean; the others declare types), "
            + $"{outcomes.Count(o => o.Checks > 0)} state values "
            + $"({outcomes.Sum(o => o.Checks)} checks); compiling {compiling.TotalSeconds:F1} s, running {(clock.Elapsed - compiling).TotalSeconds:F1} s");
        foreach (var slow in outcomes.OrderByDescending(o => o.Elapsed).Take(10))
            TestContext.Out.WriteLine($"  {slow.Elapsed.TotalSeconds:F2} s  {slow.Example.Member}");
        Assert.That(examples, Has.Count.GreaterThan(100), "the XML documentation files were found and read");
        Assert.That(failures, Is.Empty, () => $"{failures.Count} examples fail:" + Environment.NewLine + string.Join(Environment.NewLine, failures));
    }

    [TestCase("double x = 0.5; // 0.25", "0.25")]
    [TestCase("double x = 0.7652; // ~0.766", "~0.766")]
    [TestCase("int n = 3; // 4: a wrong count", "4")]
    [TestCase("bool b = false; // true", "true")]
    [TestCase("string s = \"a\"; // \"b\"", "\"b\"")]
    [TestCase("Expr e = Sym.Var(\"x\") + Sym.Var(\"x\"); // \"x^2\"", "\"x^2\"")]
    [TestCase("Expr e = Sym.Var(\"x\") / Sym.Var(\"x\"); // 2", "2")]
    [TestCase("FunctionKind k = FunctionKind.Sin; // FunctionKind.Cos", "FunctionKind.Cos")]
    public void AWrongStatedValueFails(string code, string stated)
    {
        var outcome = RunAlone(code);
        Assert.That(outcome.Checks, Is.EqualTo(1), "the comment is read as a stated value");
        Assert.That(outcome.Failure, Does.Contain("states " + stated), "and the wrong value is caught");
    }

    [TestCase("double x = 0.25; // 0.25")]
    [TestCase("double pi = Math.Acos(-1); // Math.PI")]
    [TestCase("FunctionKind k = FunctionKind.Sin; // FunctionKind.Sin")]
    [TestCase("double x = 0.7652; // ~0.77: rounded")]
    [TestCase("Expr e = Sym.Var(\"x\") * Sym.Var(\"x\"); // \"x^2\"")]
    [TestCase("Expr e = Sym.Var(\"x\") / Sym.Var(\"x\"); // 1")]
    [TestCase("ArchitectureValidator.Validate(Architecture.Default with { Tokens = 0 }); // throws InvalidInputException naming tokens")]
    public void ARightStatedValuePasses(string code) =>
        Assert.That(RunAlone(code).Failure, Is.Null);

    [TestCase("ArchitectureValidator.Validate(Architecture.Default); // throws InvalidInputException naming tokens", "ran through")]
    [TestCase("ArchitectureValidator.Validate(Architecture.Default with { Heads = 0 }); // throws InvalidInputException naming tokens", "names heads")]
    [TestCase("Console.WriteLine(1); // 1", "declares no variable")]
    [TestCase("double x = Math.Sqrt(-1) + undefinedName;", "does not compile")]
    [TestCase("var list = new List<int>(); int first = list[0];", "throws ArgumentOutOfRangeException")]
    public void AFailingExampleIsReported(string code, string reason) =>
        Assert.That(RunAlone(code).Failure, Does.Contain(reason));

    [Test]
    public void AnExampleThatDoesNotParseFailsAlone()
    {
        var outcomes = ExampleRunner.Run(ExampleCompiler.Compile(
            [new DocExample("test", "M:Broken", "int x = 1; }"), new DocExample("test", "M:Fine", "int y = 2; // 2")], Libraries));
        Assert.That(outcomes[0].Failure, Does.Contain("does not parse"));
        Assert.That(outcomes[1].Failure, Is.Null, "the next example still compiles and runs");
        Assert.That(outcomes[1].Ran, Is.True);
    }

    [Test]
    public void AnExampleOfTypeDeclarationsCompilesWithoutRunning()
    {
        var outcome = RunAlone("sealed class Unit : NodeValues { public override double Kernel(double token, double a, double b) => 1; }");
        Assert.That((outcome.Compiled, outcome.Ran, outcome.Failure), Is.EqualTo((true, false, (string?)null)));
        Assert.That(RunAlone("sealed class Broken : NodeValues { public override double NoSuchMember() => 1; }").Failure, Does.Contain("does not compile"));
    }

    [TestCase("double x = 1; // a prose remark")]
    [TestCase("double x = 1; // 2 points")]
    public void ProseIsNotAStatedValue(string code) =>
        Assert.That(RunAlone(code).Checks, Is.Zero);

    private static ExampleOutcome RunAlone(string code) =>
        ExampleRunner.Run(ExampleCompiler.Compile([new DocExample("test", "M:Test", code)], Libraries)).Single();
}
