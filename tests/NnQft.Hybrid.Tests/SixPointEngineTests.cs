// SPDX-License-Identifier: MIT
using NnQft.Hybrid.Theory;
using NnQft.Model;
using NnQft.Numerics.Results;

namespace NnQft.Hybrid.Tests;

public class SixPointEngineTests
{
    private static readonly Architecture Limit = TheoryEvaluator.Limit(Architecture.Default);

    private static readonly TupleSelection Hexes = TupleSelection.Of(
        [[0, 0, 1, 1, 1, 1], [0, 0, 1, 2, 2, 3], [0, 1, 1, 2, 3, 3], [1, 2, 2, 3, 3, 3]], 6, 8, "--g6");

    [Test]
    public void OldAndNewAgree()
    {
        var options = new TheoryOptions(20_000, 3) { G6 = Hexes };
        var fresh = TheoryEvaluator.Evaluate(Limit, PointSet.Default, options with { } ).G6!;
        var old = SixPointTheory.Evaluate(Limit, PointSet.Default, Hexes, options);
        for (int q = 0; q < old.Count; q++)
            TestContext.Out.WriteLine($"{string.Join(",", old[q].Index)} old {old[q].Value:R} {old[q].Stderr:R} {old[q].Connected:R} {old[q].ConnectedStderr:R} new {fresh[q].Value:R} {fresh[q].Stderr:R} {fresh[q].Connected:R} {fresh[q].ConnectedStderr:R}");
    }
}
