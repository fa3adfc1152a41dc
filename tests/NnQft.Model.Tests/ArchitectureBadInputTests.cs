// SPDX-License-Identifier: MIT
using NnQft.Model;

namespace NnQft.Model.Tests;

/// <summary>Every bad architecture input of issue 2 is refused with a one-line message naming the field.</summary>
public class ArchitectureBadInputTests
{
    private static IEnumerable<TestCaseData> BadJson()
    {
        yield return new TestCaseData("{ \"features\": 0 }", "features").SetName("RejectsZeroFeatures");
        yield return new TestCaseData("{ \"keyWidth\": -3 }", "keyWidth").SetName("RejectsNegativeKeyWidth");
        yield return new TestCaseData("{ \"valueWidth\": \"infinite-ish\" }", "valueWidth").SetName("RejectsWidthWord");
        yield return new TestCaseData("{ \"tokens\": 0 }", "tokens").SetName("RejectsZeroTokens");
        yield return new TestCaseData("{ \"heads\": 0 }", "heads").SetName("RejectsZeroHeads");
        yield return new TestCaseData("{ \"dimension\": 0 }", "dimension").SetName("RejectsZeroDimension");
        yield return new TestCaseData("{ \"sigmaV\": -1 }", "sigmaV").SetName("RejectsNegativeSigma");
        yield return new TestCaseData("{ \"sigmaQ\": \"NaN\" }", "sigmaQ").SetName("RejectsNaNSigma");
        yield return new TestCaseData("{ \"sigmaK\": \"Infinity\" }", "sigmaK").SetName("RejectsInfiniteSigma");
        yield return new TestCaseData("{ \"token\": { \"family\": \"laplace\" } }", "token.family").SetName("RejectsUnknownFamily");
        yield return new TestCaseData("{ \"token\": { \"family\": \"matern\", \"nu\": 0 } }", "token.nu").SetName("RejectsZeroNu");
        yield return new TestCaseData("{ \"token\": { \"family\": \"matern\", \"nu\": -2 } }", "token.nu").SetName("RejectsNegativeNu");
        yield return new TestCaseData("{ \"token\": { \"family\": \"ball\" } }", "token.cutoff").SetName("RejectsMissingCutoff");
        yield return new TestCaseData("{ \"query\": { \"family\": \"freeScalar\", \"mass\": 1 } }", "query.cutoff").SetName("RejectsMissingFreeScalarCutoff");
        yield return new TestCaseData("{ \"token\": { \"family\": \"constant\" } }", "token.family").SetName("RejectsConstantToken");
        yield return new TestCaseData("{ \"tokens\": 2, \"tokenOverrides\": [ { \"index\": 2, \"family\": \"cauchy\" } ] }", "tokenOverrides[0].index")
            .SetName("RejectsOverrideIndexOutOfRange");
        yield return new TestCaseData("{ \"tokenOverrides\": [ { \"index\": -1, \"family\": \"cauchy\" } ] }", "tokenOverrides[0].index")
            .SetName("RejectsNegativeOverrideIndex");
        yield return new TestCaseData("{ \"tokenz\": 3 }", "tokenz").SetName("RejectsUnknownKey");
        yield return new TestCaseData("[1, 2]", "must be a JSON object").SetName("RejectsNonObject");
        yield return new TestCaseData("{ tokens: ", "not JSON").SetName("RejectsNonJson");
    }

    [TestCaseSource(nameof(BadJson))]
    public void BadArchitectureIsRefused(string json, string expected)
    {
        var e = Assert.Throws<InvalidInputException>(() => ArchitectureJson.Parse(json));
        Assert.That(e!.Message, Does.Contain(expected));
        Assert.That(e.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void MissingFileIsRefused()
    {
        var e = Assert.Throws<InvalidInputException>(() => ArchitectureJson.Load("/no/such/arch.json"));
        Assert.That(e!.Field, Is.EqualTo("path"), "the library names its own parameter; the command line says --config");
    }

    [Test]
    public void InfiniteWidthsParse()
    {
        var a = ArchitectureJson.Parse("{ \"features\": \"inf\", \"keyWidth\": \"inf\", \"valueWidth\": 7 }");
        Assert.That(a.Features.IsInfinite && a.KeyWidth.IsInfinite && a.ValueWidth.Value == 7, Is.True);
    }

    [TestCase("0,0\n1\n", "points line 2")]
    [TestCase("0,0\n1,2,3\n", "points line 2")]
    [TestCase("0,NaN\n", "points line 1")]
    [TestCase("0,Infinity\n", "points line 1")]
    [TestCase("0,abc\n", "points line 1")]
    [TestCase("\n# only a comment\n", "points")]
    public void BadPointsAreRefused(string csv, string field)
    {
        var e = Assert.Throws<InvalidInputException>(() => PointsCsv.Parse(csv, Architecture.Default));
        Assert.That(e!.Message, Does.StartWith(field));
    }

    [Test]
    public void PointsOfTheWrongDimensionAreRefused()
    {
        var e = Assert.Throws<InvalidInputException>(() => PointSet.Default.ValidatedFor(Architecture.Default with { Dimension = 3 }));
        Assert.That(e!.Field, Is.EqualTo("points"));
    }
}
