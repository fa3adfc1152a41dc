// SPDX-License-Identifier: MIT
using NnQft.Symbolic;

namespace NnQft.Symbolic.Tests;

/// <summary>A symbol's assumptions are part of its identity, so no result depends on which of two same-named symbols came first.</summary>
public class SymbolAssumptionTests
{
    private static readonly Symbol Plain = new("l");
    private static readonly Symbol Positive = Symbol.Positive("l");

    [Test]
    public void SameNameDifferentAssumptionsAreDifferentSymbols()
    {
        Assert.That(Plain, Is.Not.EqualTo(Positive));
        Assert.That(new Symbol("l", IsPositive: true), Is.EqualTo(Positive));
        Assert.That(Symbol.Count("T"), Is.EqualTo(new Symbol("T", IsPositive: true, IsInteger: true)));
    }

    [Test]
    public void SumDoesNotDependOnConstructionOrder()
    {
        Expr ab = Sum.Of(Plain, Positive), ba = Sum.Of(Positive, Plain);
        Assert.That(ab, Is.EqualTo(ba));
        Assert.That(Assumptions.IsPositive(ab), Is.EqualTo(Assumptions.IsPositive(ba)));
        Assert.That(Assumptions.IsPositive(ab), Is.False, "a plain l may be negative");
    }

    [Test]
    public void SquareRootOfSquareDoesNotDependOnConstructionOrder()
    {
        // sqrt(l_plain * l_positive): had the two merged into l^2 of whichever came first, the root would be l or |l|.
        Expr ab = Sym.Sqrt(Product.Of(Plain, Positive)), ba = Sym.Sqrt(Product.Of(Positive, Plain));
        Assert.That(ab, Is.EqualTo(ba));
    }

    [Test]
    public void SortOrderSeparatesSameNamedSymbols()
    {
        Assert.That(ExprOrder.Instance.Compare(Plain, Positive), Is.Not.Zero);
        Assert.That(Math.Sign(ExprOrder.Instance.Compare(Plain, Positive)), Is.EqualTo(-Math.Sign(ExprOrder.Instance.Compare(Positive, Plain))));
    }
}
