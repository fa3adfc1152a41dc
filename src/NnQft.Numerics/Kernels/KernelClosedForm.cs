// SPDX-License-Identifier: MIT
using System.Globalization;
using NnQft.Model;

namespace NnQft.Numerics.Kernels;

/// <summary>A kernel's closed form as plain text and as LaTeX, with the family's parameters left as symbols
/// (l, nu, L, m) and the dimension substituted.</summary>
/// <param name="Text">Plain-text formula in r.</param>
/// <param name="Latex">The same formula in LaTeX.</param>
/// <example><code>KernelClosedForm k = KernelClosedForm.For(new GaussianDensity(0.7), 2); Console.WriteLine(k.Latex);</code></example>
public sealed record KernelClosedForm(string Text, string Latex)
{
    /// <summary>The closed form of docs/theory.md section 7 for <paramref name="density"/> in dimension <paramref name="dimension"/>.</summary>
    /// <example><code>string text = KernelClosedForm.For(new CauchyDensity(1.0), 2).Text;</code></example>
    public static KernelClosedForm For(SpectralDensity density, int dimension)
    {
        string d = dimension.ToString(CultureInfo.InvariantCulture);
        string half = dimension % 2 == 0 ? (dimension / 2).ToString(CultureInfo.InvariantCulture) : $"{d}/2";
        string halfMinusOne = dimension % 2 == 0 ? (dimension / 2 - 1).ToString(CultureInfo.InvariantCulture) : $"{d}/2 - 1";
        string halfLatex = dimension % 2 == 0 ? half : $"{d}/2";
        return density switch
        {
            GaussianDensity => new("exp(-r^2/(2*l^2))", @"e^{-r^{2}/(2 l^{2})}"),
            CauchyDensity => new("exp(-r/l)", @"e^{-r/l}"),
            MaternDensity => new(
                "2^(1 - nu/2)/Gamma(nu/2) * (sqrt(nu)*r/l)^(nu/2) * K_(nu/2)(sqrt(nu)*r/l)",
                @"\frac{2^{1-\nu/2}}{\Gamma(\nu/2)} \left(\frac{\sqrt{\nu}\, r}{l}\right)^{\nu/2} K_{\nu/2}\!\left(\frac{\sqrt{\nu}\, r}{l}\right)"),
            BallDensity when dimension == 1 => new("sin(L*r)/(L*r)", @"\frac{\sin(L r)}{L r}"),
            BallDensity => new(
                $"Gamma({half} + 1) * (2/(L*r))^({half}) * J_({half})(L*r)",
                $@"\Gamma\!\left({halfLatex}+1\right) \left(\frac{{2}}{{L r}}\right)^{{{halfLatex}}} J_{{{halfLatex}}}(L r)"),
            FreeScalarDensity => new(
                $"int_(|p|<L) d^{d}p/(2*pi)^{d} exp(i*p.r)/(p^2 + m^2) = 2/((4*pi)^({d}/2)*Gamma({d}/2)) * int_0^L dp p^({d}-1)/(p^2 + m^2) * Gamma({halfMinusOne} + 1)*(2/(p*r))^({halfMinusOne})*J_({halfMinusOne})(p*r)",
                $@"\int_{{|p|<L}} \frac{{d^{{{d}}}p}}{{(2\pi)^{{{d}}}}} \frac{{e^{{i p \cdot r}}}}{{p^{{2}}+m^{{2}}}}"),
            _ => throw new InvalidInputException("family", "must be gaussian, matern, cauchy, ball or freeScalar", density.Family),
        };
    }
}
