// SPDX-License-Identifier: MIT
using System.Globalization;

namespace NnQft.Model;

/// <summary>
/// The allowed ranges of every architecture field. Fields are named as in the JSON file, so a user can find the
/// line to fix; the first violation is reported.
/// </summary>
/// <example><code>ArchitectureValidator.Validate(Architecture.Default with { Tokens = 0 }); // throws InvalidInputException naming "tokens"</code></example>
public static class ArchitectureValidator
{
    /// <summary>Largest dimension accepted (samplers allocate d-vectors per feature).</summary>
    public const int MaxDimension = 64;

    /// <summary>Largest token count accepted (the range in which the attention moments are guaranteed).</summary>
    /// <example><code>bool ok = 16 &lt;= ArchitectureValidator.MaxTokens;</code></example>
    public const int MaxTokens = 4096;

    /// <summary>Largest finite width accepted.</summary>
    public const int MaxWidth = 1 << 20;

    /// <summary>Largest head count accepted.</summary>
    public const int MaxHeads = 1 << 20;

    /// <summary>
    /// Smallest length scale, cutoff or nonzero mass accepted. Scales of either family are only ever compared with
    /// distances between points, so 1e-100..1e100 loses no physics, and keeps 1 / scale^2 and scale^2 inside the
    /// double range (beyond it kernels and frequencies overflow).
    /// </summary>
    /// <example><code>bool ok = 1e-9 &gt;= ArchitectureValidator.MinScale;</code></example>
    public const double MinScale = 1e-100;

    /// <summary>Largest length scale, cutoff or mass accepted (see <see cref="MinScale"/>).</summary>
    /// <example><code>bool ok = 1e9 &lt;= ArchitectureValidator.MaxScale;</code></example>
    public const double MaxScale = 1e100;

    /// <summary>
    /// Largest Student-t degrees of freedom (matern nu) accepted: beyond it the family is the Gaussian one to many
    /// digits, and the Bessel functions of order nu / 2 leave the double range.
    /// </summary>
    /// <example><code>bool ok = 50 &lt;= ArchitectureValidator.MaxNu;</code></example>
    public const double MaxNu = 1e4;

    /// <summary>Throws <see cref="InvalidInputException"/> on the first field outside its range.</summary>
    /// <example><code>ArchitectureValidator.Validate(Architecture.Default); // passes silently</code></example>
    public static void Validate(Architecture a)
    {
        IntRange("dimension", a.Dimension, 1, MaxDimension);
        IntRange("tokens", a.Tokens, 1, MaxTokens);
        IntRange("heads", a.Heads, 1, MaxHeads);
        WidthRange("features", a.Features);
        WidthRange("keyWidth", a.KeyWidth);
        WidthRange("valueWidth", a.ValueWidth);
        Sigma("sigmaQ", a.SigmaQ);
        Sigma("sigmaK", a.SigmaK);
        Sigma("sigmaV", a.SigmaV);
        Sigma("sigmaA", a.SigmaA);
        Sigma("sigmaB", a.SigmaB);
        if (a.Query is SpectralDensity q) Density("query", q, a.Dimension);
        Density("token", a.Token, a.Dimension);
        var seen = new HashSet<int>();
        for (int i = 0; i < a.TokenOverrides.Count; i++)
        {
            var o = a.TokenOverrides[i];
            string field = $"tokenOverrides[{i}]";
            if (o.Index < 0 || o.Index >= a.Tokens)
                throw new InvalidInputException($"{field}.index", $"must be a token index in 0..{a.Tokens - 1}", Show(o.Index));
            if (!seen.Add(o.Index))
                throw new InvalidInputException($"{field}.index", "must not repeat an earlier override's index", Show(o.Index));
            Density(field, o.Density, a.Dimension);
        }
    }

    /// <summary>Checks one spectral density's parameters; <paramref name="field"/> prefixes the parameter names.</summary>
    /// <example><code>ArchitectureValidator.Density("token", new MaternDensity(Nu: 0, LengthScale: 1), dimension: 2); // throws InvalidInputException naming token.nu</code></example>
    public static void Density(string field, SpectralDensity density, int dimension)
    {
        switch (density)
        {
            case GaussianDensity g:
                Scale($"{field}.lengthScale", g.LengthScale);
                break;
            case MaternDensity m:
                if (!(m.Nu >= MinScale && m.Nu <= MaxNu))
                    throw new InvalidInputException($"{field}.nu", $"must be a number in [{Show(MinScale)}, {Show(MaxNu)}]", Show(m.Nu));
                Scale($"{field}.lengthScale", m.LengthScale);
                break;
            case CauchyDensity c:
                Scale($"{field}.lengthScale", c.LengthScale);
                break;
            case BallDensity b:
                Scale($"{field}.cutoff", b.Cutoff);
                break;
            case FreeScalarDensity f:
                Scale($"{field}.cutoff", f.Cutoff);
                // In d <= 2 the massless propagator is infrared divergent even with a cutoff.
                if (dimension <= 2 || f.Mass != 0) Scale($"{field}.mass", f.Mass, zeroAllowed: dimension > 2);
                break;
            default:
                throw new InvalidInputException($"{field}.family", "must be gaussian, matern, cauchy, ball or freeScalar", density.Family);
        }
    }

    private static void IntRange(string field, int value, int min, int max)
    {
        if (value < min || value > max)
            throw new InvalidInputException(field, $"must be an integer in {min}..{max}", Show(value));
    }

    private static void WidthRange(string field, Width w)
    {
        if (w.IsFinite && w.Value > MaxWidth)
            throw new InvalidInputException(field, $"must be an integer in 1..{MaxWidth} or \"inf\"", Show(w.Value));
    }

    private static void Sigma(string field, double value) => NonNegative(field, value);

    private static void NonNegative(string field, double value)
    {
        if (!double.IsFinite(value) || value < 0)
            throw new InvalidInputException(field, "must be a finite number >= 0", Show(value));
    }

    private static void Scale(string field, double value, bool zeroAllowed = false)
    {
        if (!(value >= MinScale && value <= MaxScale))
            throw new InvalidInputException(field, $"must be a number in [{Show(MinScale)}, {Show(MaxScale)}]{(zeroAllowed ? " or 0" : "")}", Show(value));
    }

    private static void Positive(string field, double value)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new InvalidInputException(field, "must be a finite number > 0", Show(value));
    }

    private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Show(int v) => v.ToString(CultureInfo.InvariantCulture);
}
