// SPDX-License-Identifier: MIT
using System.Numerics;
using NnQft.Symbolic;

namespace NnQft.Symbolic.Tests;

/// <summary>Exact rational roots of numbers hold for integers of any size, not only those a double can hold.</summary>
public class ExactRootTests
{
    [Test]
    public void SquareRootOfTwoToThe1100IsTwoToThe550()
    {
        Expr root = Sym.Sqrt(Number.Of(BigInteger.Pow(2, 1100)));
        Assert.That(root, Is.EqualTo(Number.Of(BigInteger.Pow(2, 550))));
    }

    [Test]
    public void CubeRootOfAHugeRationalIsExact()
    {
        var p = BigInteger.Pow(3, 700) + 1;
        var q = BigInteger.Pow(7, 500);
        Expr root = Expr.Pow(Number.Of(BigInteger.Pow(p, 3), BigInteger.Pow(q, 3)), Number.Of(1, 3));
        Assert.That(root, Is.EqualTo(Number.Of(p, q)));
    }

    [Test]
    public void HugeNonSquareStaysARoot()
    {
        // 2^1101 is no square: no integer may be returned for its root (a rounded guess could pass a wrong check).
        var n = Number.Of(BigInteger.Pow(2, 1101));
        Expr root = Sym.Sqrt(n);
        Assert.That(root, Is.Not.InstanceOf<Number>());
        Assert.That(Expr.Pow(root, 2), Is.EqualTo(n));
    }
}
