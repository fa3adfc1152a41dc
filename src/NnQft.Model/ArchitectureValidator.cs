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
                Positive($"{field}.lengthScale", g.LengthScale);
                break;
            case MaternDensity m:
                Positive($"{field}.nu", m.Nu);
                Positive($"{field}.lengthScale", m.LengthScale);
                break;
            case CauchyDensity c:
                Positive($"{field}.lengthScale", c.LengthScale);
                break;
            case BallDensity b:
                Positive($"{field}.cutoff", b.Cutoff);
                break;
            case FreeScalarDensity f:
                Positive($"{field}.cutoff", f.Cutoff);
                // In d <= 2 the massless propagator is infrared divergent even with a cutoff.
                if (dimension <= 2) Positive($"{field}.mass", f.Mass);
                else NonNegative($"{field}.mass", f.Mass);
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

    private static void Positive(string field, double value)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new InvalidInputException(field, "must be a finite number > 0", Show(value));
    }

    private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Show(int v) => v.ToString(CultureInfo.InvariantCulture);
}
