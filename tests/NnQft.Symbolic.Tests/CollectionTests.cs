// SPDX-License-Identifier: MIT
using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;
using NnQft.Model;
using NnQft.Symbolic;
using static NnQft.Symbolic.NetworkSymbols;
using static NnQft.Symbolic.Tests.RandomExpressions;

namespace NnQft.Symbolic.Tests;

/// <summary>The collected form is the expanded form regrouped: it expands back to it, and collecting twice changes nothing.</summary>
public sealed class CollectionTests
{
    private static readonly Symbol X1 = Point(1), X2 = Point(2), X3 = Point(3), X4 = Point(4);
    private static readonly Expr M = Apply.Of("M2", [1, X1, X2]), N = Apply.Of("M4", [1, 2, X1, X2, X3, X4]);

    [Test]
    public void MergesCoefficientsThatArePolynomialsInT()
    {
        Expr e = -Tokens * M - Tokens * M * (Tokens - 1);
        Assert.That(TextPrinter.Print(Collection.Collect(e)), Is.EqualTo("-T^2*M2(1, x1, x2)"));
    }

    [Test]
    public void GoldenOneLiners()
    {
        Assert.That(TextPrinter.Print(Collection.Collect(Tokens * Tokens * M - Tokens * M)), Is.EqualTo("T*M2(1, x1, x2)*(T - 1)"));
        Assert.That(TextPrinter.Print(Collection.Collect(Tokens * M + 2 * Tokens * M / ValueWidth)), Is.EqualTo("T*M2(1, x1, x2)*(2/d_v + 1)"));
        Assert.That(TextPrinter.Print(Collection.Collect(Expansion.Expand(Power.Of(SigmaA, 4) * Tokens * (Tokens - 1) * (ValueWidth + 2) * N / Heads))),
            Is.EqualTo("T*sigma_a^4*M4(1, 2, x1, x2, x3, x4)*(T - 1)*(d_v + 2)/N_h"));
        Assert.That(LatexPrinter.Print(Collection.Collect(Tokens * Tokens * M - Tokens * M)),
            Is.EqualTo(@"T M_{2}\left(1, x_{1}, x_{2}\right) \left(T - 1\right)"));
        Assert.That(LatexPrinter.Print(Collection.Collect(Kernel.Of(1, X1, X2) * M + Kernel.Of(1, X1, X2) * N)),
            Is.EqualTo(@"k_{1}\left(x_{1}, x_{2}\right) \left(M_{2}\left(1, x_{1}, x_{2}\right) + M_{4}\left(1, 2, x_{1}, x_{2}, x_{3}, x_{4}\right)\right)"));
        Assert.That(SympyPrinter.Print(Collection.Collect(Tokens * Tokens * M - Tokens * M)), Is.EqualTo("T*M2(1, x1, x2)*(T - 1)"));
    }

    [Test]
    public void DerivedFourPointConnectedAtInfiniteWidthsIsShort()
    {
        var arch = (Architecture.Default with { Features = Width.Infinite, KeyWidth = Width.Infinite }).Validated();
        var value = Derive.Correlator(arch, 4, connected: true).Value;
        var collected = Collection.Collect(value);
        Assert.That(Expansion.Expand(collected), Is.EqualTo(Expansion.Expand(value)));
        Assert.That(TextPrinter.Print(collected).Length, Is.LessThanOrEqualTo(800 - "G4c(x1, x2, x3, x4) = ".Length));
        Assert.That(TextPrinter.Print(collected).Length, Is.LessThan(TextPrinter.Print(value).Length / 2));
    }

    [Test]
    public void ADeliberatelyWrongRegroupingIsCaught()
    {
        // The property below can fail: a regrouping that drops a factor does not expand back.
        Expr e = Tokens * Tokens * M - Tokens * M;
        Expr wrong = Tokens * M * (Tokens + 1);
        Assert.That(Expansion.Expand(wrong), Is.Not.EqualTo(Expansion.Expand(e)));
        Assert.That(Equality.AreEqual(wrong, e), Is.False);
    }

    [FsCheckProperty(MaxTest = 80, Replay = "(7234567,891011)")]
    public bool CollectedExpandsToTheExpandedForm(int seed)
    {
        var e = Generate(new Random(seed), 4);
        return Expansion.Expand(Collection.Collect(e)).Equals(Expansion.Expand(e));
    }

    [FsCheckProperty(MaxTest = 80, Replay = "(8234567,891011)")]
    public bool CollectingTwiceChangesNothing(int seed)
    {
        var e = Generate(new Random(seed), 4);
        var once = Collection.Collect(e);
        return Collection.Collect(once).Equals(once);
    }

    [FsCheckProperty(MaxTest = 60, Replay = "(9234567,891011)")]
    public bool CollectedEqualsOriginalForPolynomialsInParametersTimesMoments(int seed)
    {
        // Coefficients polynomial in T, d_v and a sigma, over a few opaque moments: the shape of a derivation.
        var rng = new Random(seed);
        Expr[] parameters = [Tokens, ValueWidth, SigmaA, Tokens - 1, 1 / ValueWidth];
        Expr[] moments = [M, N, Kernel.Of(1, X1, X2), Apply.Of("M2", [1, X3, X4])];
        var terms = Enumerable.Range(0, rng.Next(1, 12)).Select(_ =>
            Product.Of(Enumerable.Range(0, rng.Next(1, 5)).Select(_ => parameters[rng.Next(parameters.Length)])
                .Append(moments[rng.Next(moments.Length)]).Append(Number.Of(rng.Next(-3, 4), rng.Next(1, 3)))));
        var e = Sum.Of(terms);
        var collected = Collection.Collect(e);
        return Expansion.Expand(collected).Equals(Expansion.Expand(e)) && Equality.AreEqual(collected, e)
            && Collection.Collect(collected).Equals(collected);
    }

    [Test]
    public void LargeSumsSortLikeAFullSortWhateverTheirRuns()
    {
        // Sums of 64 terms and more merge sorted runs instead of sorting afresh: shuffled, reversed or concatenated
        // canonical parts must give the order a full sort gives. Terms: random expressions times distinct kernels.
        var rng = new Random(17);
        var terms = Enumerable.Range(0, 400)
            .Select(i => Generate(rng, 2, functions: false) * Kernel.Of(i % 7, Point(1 + i % 5), Point(2 + i / 80)))
            .ToList();
        var reference = Sum.Of(terms) as Sum;
        Assert.That(reference, Is.Not.Null);
        var expected = reference!.Terms.ToArray();
        var sorted = (Expr[])expected.Clone();
        Array.Sort(sorted, ExprOrder.Instance);
        Assert.That(expected, Is.EqualTo(sorted), "the canonical order is the full sort's");
        var parts = new[] { Sum.Of(terms.Take(150)), Sum.Of(terms.Skip(150).Take(100)), Sum.Of(terms.Skip(250)) };
        foreach (var input in new[] { terms.AsEnumerable().Reverse(), terms.OrderBy(_ => rng.Next()), parts, parts.Reverse() })
            Assert.That(Sum.Of(input), Is.EqualTo(reference));
    }
}
