// SPDX-License-Identifier: MIT
namespace NnQft.Symbolic;

/// <summary>
/// A family of jointly Gaussian centred random variables sharing a name (a_{h,i}, v_{h,t,i}(x), the bias),
/// independent of every other family; <see cref="Covariance"/> gives E[X Y] for two members.
/// </summary>
/// <example><code>var s2 = Sym.Var("s2"); var a = new GaussianFamily("a", (x, y) => s2 * KroneckerDelta.Of(x.Indices[0], y.Indices[0]));</code></example>
public sealed record GaussianFamily(string Name, Func<RandomVariable, RandomVariable, Expr> Covariance);
