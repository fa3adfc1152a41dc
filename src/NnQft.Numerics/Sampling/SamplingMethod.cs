// SPDX-License-Identifier: MIT
namespace NnQft.Numerics.Sampling;

/// <summary>How <c>sample</c> draws networks (docs/cli.md section 2).</summary>
/// <example><code>var o = new SampleOptions(Architecture.Default, PointSet.Default) { Method = SamplingMethod.Exact };</code></example>
public enum SamplingMethod
{
    /// <summary>Materialise every weight of docs/theory.md section 1 (the literal reference).</summary>
    BruteForce,

    /// <summary>The same finite-width law at the points, drawn through small Gram factorisations.</summary>
    Exact,

    /// <summary>Integrate the Gaussian readout and values analytically (built by another issue).</summary>
    RaoBlackwell,
}

/// <summary>The CLI names of <see cref="SamplingMethod"/>.</summary>
/// <example><code>SamplingMethod m = SamplingMethodNames.Parse("bruteforce"); string name = m.Name(); // "bruteforce"</code></example>
public static class SamplingMethodNames
{
    /// <summary>Every accepted name, in the order --help lists them.</summary>
    /// <example><code>string help = string.Join(", ", SamplingMethodNames.All); // "bruteforce, exact, raoBlackwell"</code></example>
    public static IReadOnlyList<string> All { get; } = ["bruteforce", "exact", "raoBlackwell"];

    /// <summary>The CLI name of a method.</summary>
    /// <example><code>string name = SamplingMethod.RaoBlackwell.Name(); // "raoBlackwell"</code></example>
    public static string Name(this SamplingMethod method) => method switch
    {
        SamplingMethod.BruteForce => "bruteforce",
        SamplingMethod.Exact => "exact",
        SamplingMethod.RaoBlackwell => "raoBlackwell",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    /// <summary>The method of a CLI name, or an <see cref="Model.InvalidInputException"/> naming <paramref name="field"/>.</summary>
    /// <example><code>SamplingMethod m = SamplingMethodNames.Parse("exact", field: "--method"); // SamplingMethod.Exact</code></example>
    public static SamplingMethod Parse(string name, string field = "--method") => name switch
    {
        "bruteforce" => SamplingMethod.BruteForce,
        "exact" => SamplingMethod.Exact,
        "raoBlackwell" => SamplingMethod.RaoBlackwell,
        _ => throw new Model.InvalidInputException(field, "must be bruteforce, exact or raoBlackwell", name),
    };
}
