// SPDX-License-Identifier: MIT
using System.Globalization;
using NnQft.Model;

namespace NnQft.Cli.Commands;

/// <summary>
/// The <c>--shard</c> value of sample: <c>k/n</c> with 1 &lt;= k &lt;= n, or <c>auto</c>, which reads the Slurm job
/// array (docs/cli.md section 5): k = SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1, n = SLURM_ARRAY_TASK_COUNT.
/// </summary>
internal static class ShardArgument
{
    public const string Auto = "auto";

    /// <summary>The array variables <c>auto</c> reads, in the order the message names them.</summary>
    public static readonly string[] ArrayVariables = ["SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT"];

    /// <summary>Parses the option; <paramref name="environment"/> looks a variable up (null when unset).</summary>
    public static (int Index, int Count) Parse(string text, Func<string, string?> environment)
    {
        if (text != Auto) return ParseFraction(text);
        var missing = ArrayVariables.Where(v => string.IsNullOrEmpty(environment(v))).ToList();
        if (missing.Count > 0)
            throw new InvalidInputException("--shard", "auto needs a Slurm array job (sbatch --array); unset: " + string.Join(", ", missing), Auto);
        int id = Integer(ArrayVariables[0], environment), min = Integer(ArrayVariables[1], environment), count = Integer(ArrayVariables[2], environment);
        long k = (long)id - min + 1;
        if (count < 1 || k < 1 || k > count)
            throw new InvalidInputException("--shard",
                "auto needs 1 <= SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1 <= SLURM_ARRAY_TASK_COUNT (an array of consecutive task ids, e.g. --array=1-64)",
                $"id {id}, min {min}, count {count}");
        return ((int)k, count);
    }

    private static (int Index, int Count) ParseFraction(string text)
    {
        const string allowed = "must be k/n with integers 1 <= k <= n, or auto (from the Slurm array environment)";
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            || k < 1 || n < 1 || k > n)
            throw new InvalidInputException("--shard", allowed, text);
        return (k, n);
    }

    private static int Integer(string variable, Func<string, string?> environment)
    {
        string text = environment(variable)!;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
            throw new InvalidInputException("--shard", $"auto needs {variable} to be an integer", text);
        return v;
    }
}
