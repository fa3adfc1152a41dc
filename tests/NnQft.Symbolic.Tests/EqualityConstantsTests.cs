// SPDX-License-Identifier: MIT
using NnQft.Symbolic;

namespace NnQft.Symbolic.Tests;

/// <summary>The numeric second opinion of the equality checker treats pi as the constant it is.</summary>
public class EqualityConstantsTests
{
    [Test]
    public void NumericEqualityKeepsPiFixed()
    {
        // arcsin(1) = pi/2 is true only for the real value of pi; a random stand-in for pi refutes it.
        Expr lhs = FunctionCall.Of(FunctionKind.Arcsin, [Number.One]);
        Expr rhs = Constants.Pi / 2;
        Assert.That(Equality.NumericallyEqual(lhs, rhs), Is.True);
        Assert.That(Equality.NumericallyEqual(lhs, Constants.Pi / 3), Is.False);
    }
}
