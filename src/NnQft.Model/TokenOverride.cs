// SPDX-License-Identifier: MIT
namespace NnQft.Model;

/// <summary>Gives token <see cref="Index"/> (0-based) its own spectral density, breaking token exchangeability.</summary>
/// <example><code>var o = new TokenOverride(1, new MaternDensity(3, 0.5));</code></example>
public sealed record TokenOverride(int Index, SpectralDensity Density);
