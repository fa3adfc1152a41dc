// SPDX-License-Identifier: MIT
namespace NnQft.Model;

/// <summary>
/// One random attention-head architecture (docs/theory.md section 1, docs/cli.md section 1). The sampler, the
/// symbolic derivation and the theory evaluator all read this one record. Build it with <c>with</c> from
/// <see cref="Default"/>, then call <see cref="Validated"/> (JSON loading validates for you).
/// </summary>
/// <example><code>var arch = (Architecture.Default with { Tokens = 2, ValueWidth = Width.Infinite }).Validated();</code></example>
public sealed record Architecture
{
    /// <summary>The embedded default of docs/cli.md section 3.</summary>
    /// <example><code>var arch = Architecture.Default with { Heads = 2 };</code></example>
    public static Architecture Default { get; } = new();

    /// <summary>Space dimension d.</summary>
    public int Dimension { get; init; } = 2;

    /// <summary>Number of tokens T.</summary>
    public int Tokens { get; init; } = 4;

    /// <summary>Number of attention heads N_h.</summary>
    public int Heads { get; init; } = 1;

    /// <summary>Number of random features D.</summary>
    public Width Features { get; init; } = Width.Of(256);

    /// <summary>Key (and query) width d_k.</summary>
    public Width KeyWidth { get; init; } = Width.Of(256);

    /// <summary>Value width d_v.</summary>
    public Width ValueWidth { get; init; } = Width.Of(256);

    /// <summary>Standard deviation of the W_Q entries.</summary>
    public double SigmaQ { get; init; } = 1.0;

    /// <summary>Standard deviation of the W_K entries.</summary>
    public double SigmaK { get; init; } = 1.0;

    /// <summary>Standard deviation of the W_V entries.</summary>
    public double SigmaV { get; init; } = 1.0;

    /// <summary>Standard deviation of the readout weights a_i.</summary>
    public double SigmaA { get; init; } = 1.0;

    /// <summary>Standard deviation of the bias (0: no bias).</summary>
    public double SigmaB { get; init; } = 0.0;

    /// <summary>Query embedding: a spectral density or <see cref="ConstantEmbedding"/>.</summary>
    public Embedding Query { get; init; } = new GaussianDensity(1.0);

    /// <summary>Spectral density of every token without an override.</summary>
    public SpectralDensity Token { get; init; } = new GaussianDensity(0.7);

    /// <summary>Per-token spectral densities (0-based token index).</summary>
    public EquatableList<TokenOverride> TokenOverrides { get; init; } = EquatableList<TokenOverride>.Empty;

    /// <summary>The spectral density of token <paramref name="t"/> (0-based), override included.</summary>
    /// <example><code>SpectralDensity p = Architecture.Default.TokenDensity(0); bool gaussian = p == new GaussianDensity(0.7); // true</code></example>
    public SpectralDensity TokenDensity(int t)
    {
        for (int i = TokenOverrides.Count - 1; i >= 0; i--)
            if (TokenOverrides[i].Index == t) return TokenOverrides[i].Density;
        return Token;
    }

    /// <summary>True when every token has the same spectral density, so token sums reduce by symmetry.</summary>
    /// <example><code>bool same = Architecture.Default.TokensExchangeable; // true: no overrides</code></example>
    public bool TokensExchangeable => TokenOverrides.All(o => o.Density == Token);

    /// <summary>True when a bias is present (sigma_b != 0).</summary>
    /// <example><code>bool bias = (Architecture.Default with { SigmaB = 0.5 }).HasBias; // true</code></example>
    public bool HasBias => SigmaB != 0.0;

    /// <summary>The distinct token densities with the 0-based tokens that use each, in order of first use.</summary>
    /// <example><code>foreach (var (density, tokens) in Architecture.Default.TokenClasses()) Console.WriteLine($"{density}: {tokens.Count} tokens");</code></example>
    public IReadOnlyList<(SpectralDensity Density, IReadOnlyList<int> Tokens)> TokenClasses() =>
        Enumerable.Range(0, Tokens)
            .GroupBy(TokenDensity)
            .Select(g => (g.Key, (IReadOnlyList<int>)g.ToList()))
            .ToList();

    /// <summary>This architecture, or an <see cref="InvalidInputException"/> naming the first bad field.</summary>
    /// <example><code>var arch = (Architecture.Default with { Tokens = 8 }).Validated();</code></example>
    public Architecture Validated()
    {
        ArchitectureValidator.Validate(this);
        return this;
    }
}
