// SPDX-License-Identifier: MIT
using NnQft.Model;

namespace NnQft.Model.Tests;

/// <summary>The --g4 selection: all/none/listed, sorting, repeats, and clear errors naming the line and range.</summary>
public class TupleSelectionTests
{
    [Test]
    public void AllListsEverySortedTupleAndCountsWithoutListing()
    {
        var all = TupleSelection.All(4);
        Assert.That(all.Tuples(8), Has.Count.EqualTo(330));
        Assert.That(all.Count(8), Is.EqualTo(330));
        Assert.That(all.Count(1024), Is.EqualTo(1027L * 1026 * 1025 * 1024 / 24));
        Assert.That(all.Tuples(2).Select(t => string.Join("", t)), Is.EqualTo(new[] { "0000", "0001", "0011", "0111", "1111" }));
    }

    [Test]
    public void ListedTuplesAreSortedInsideAndAcrossWithoutRepeats()
    {
        var s = TupleSelection.ParseCsv("# comment\n3,2,1,0\n\n0,0,1,1\n1, 0, 3, 2\n", 4, 4);
        Assert.That(s.Kind, Is.EqualTo(SelectionKind.Listed));
        Assert.That(s.Tuples(4).Select(t => string.Join("", t)), Is.EqualTo(new[] { "0011", "0123" }));
        Assert.That(TupleSelection.FromCanonical(s.Canonical(), 4, 4), Is.EqualTo(s));
        Assert.That(s, Is.Not.EqualTo(TupleSelection.All(4)));
    }

    [TestCase("0,1,2\n", "--g4 line 1", "4 comma-separated")]
    [TestCase("0,1,2,3\n0,1,2,8\n", "--g4 line 2", "0..7")]
    [TestCase("0,1,-1,3\n", "--g4 line 1", "0..7")]
    [TestCase("0,1,x,3\n", "--g4 line 1", "integers")]
    [TestCase("# nothing\n", "--g4", "at least one tuple")]
    public void BadFilesNameTheLineAndTheAllowedRange(string text, string field, string allowed)
    {
        var e = Assert.Throws<InvalidInputException>(() => TupleSelection.ParseCsv(text, 4, 8))!;
        Assert.That(e.Field, Is.EqualTo(field));
        Assert.That(e.Message, Does.Contain(allowed));
    }

    [Test]
    public void ParseReadsKeywordsAndRefusesAMissingFile()
    {
        Assert.That(TupleSelection.Parse("none", 4, 8).IsNone, Is.True);
        Assert.That(TupleSelection.Parse("all", 4, 8).IsAll, Is.True);
        var e = Assert.Throws<InvalidInputException>(() => TupleSelection.Parse("/no/such/tuples.csv", 4, 8))!;
        Assert.That(e.Field, Is.EqualTo("--g4"));
    }

    [Test]
    public void ContainmentDecidesWhatAMergeMayReport()
    {
        var few = TupleSelection.Of([[0, 1, 2, 3]], 4, 8);
        Assert.That(TupleSelection.All(4).Contains(few, 8), Is.True);
        Assert.That(few.Contains(TupleSelection.All(4), 8), Is.False);
        Assert.That(few.Contains(TupleSelection.None(4), 8), Is.True);
        Assert.That(TupleSelection.None(4).Contains(few, 8), Is.False);
    }
}
