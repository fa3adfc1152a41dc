// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>The binding strength shared by every printer: a child is parenthesised when it binds more loosely than its context needs.</summary>
/// <example><code>bool binds = Precedence.Power &gt; Precedence.Product; // true: x*y^2 needs no parentheses</code></example>
public enum Precedence
{
    /// <summary>A sum or difference (also a leading minus sign).</summary>
    Sum = 1,
    /// <summary>A product or quotient.</summary>
    Product = 2,
    /// <summary>A power.</summary>
    Power = 3,
    /// <summary>Atoms and function calls.</summary>
    Atom = 4,
}
