// SPDX-License-Identifier: MIT
using NnQft.Symbolic;
using static NnQft.Symbolic.NetworkSymbols;
using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;

namespace NnQft.Symbolic.Tests;

public sealed class TokenRelabellingTests
{
    [FsCheckProperty(MaxTest = 50, Replay = "(7234567,891011)")]
    public bool CanonicalLabelsDoNotDependOnTheInputLabelling(int seed)
    {
        // A random expectation of attention weights and Grams over tokens 1..4, and a random relabelling of it.
        var rng = new Random(seed);
        var points = Points(4);
        var factors = new List<(string Name, int[] Tokens, int[] Points)>();
        for (int k = 0; k < rng.Next(2, 6); k++)
            factors.Add(rng.Next(2) == 0
                ? ("A", [rng.Next(1, 5)], [rng.Next(4)])
                : ("G", [rng.Next(1, 5), rng.Next(1, 5)], [rng.Next(4), rng.Next(4)]));
        var perm = Enumerable.Range(1, 4).OrderBy(_ => rng.Next()).ToArray();
        Expr Build(Func<int, int> label) => Expectation.Of(Product.Of(factors.Select(f =>
            (Expr)RandomVariable.Of(f.Name, f.Tokens.Select(t => (Expr)label(t)), f.Points.Select(p => (Expr)points[p])))));
        var original = AttentionMomentSymbols.CanonicalTokenLabels(Build(t => t));
        var relabelled = AttentionMomentSymbols.CanonicalTokenLabels(Build(t => perm[t - 1]));
        return original.Equals(relabelled);
    }

    [Test]
    public void SameTokenPairsBecomeMomentSymbols()
    {
        var x = Points(4);
        var e = Expectation.Of(A(3, x[1]) * A(3, x[0]) * A(2, x[3]) * A(2, x[2]));
        Assert.That(AttentionMomentSymbols.Canonicalize(e, exchangeable: true).ToString(), Is.EqualTo("M4(1, 2, x1, x2, x3, x4)"));
        Assert.That(AttentionMomentSymbols.Canonicalize(e, exchangeable: false).ToString(), Is.EqualTo("M4(2, 3, x3, x4, x1, x2)"));
    }
}
