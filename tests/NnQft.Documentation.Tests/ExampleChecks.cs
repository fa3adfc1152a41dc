// SPDX-License-Identifier: MIT
using System.Globalization;
using NnQft.Model;

namespace NnQft.Documentation.Tests;

/// <summary>
/// What the instrumented examples call to check what they state (see <see cref="ExampleInstrumenter"/> for the
/// comment conventions). A failed check throws, so the example that states a wrong value fails with the reason.
/// </summary>
public static class ExampleChecks
{
    /// <summary>Checks that the variable <paramref name="name"/> holds the value <paramref name="stated"/> of its comment.</summary>
    public static void Stated(string name, object? actual, string stated, object? named)
    {
        var reason = named is null ? Mismatch(actual, stated) : MismatchNamed(actual, named);
        if (reason is not null) throw new ExampleCheckFailed($"{name} = {Show(actual)}, but the example states {stated} ({reason})");
    }

    /// <summary>Checks that <paramref name="body"/> throws <typeparamref name="TException"/> (naming <paramref name="field"/> when given).</summary>
    public static void Throws<TException>(Action body, string? field) where TException : Exception
    {
        try
        {
            body();
        }
        catch (TException e)
        {
            if (field is not null && e is InvalidInputException invalid && invalid.Field != field)
                throw new ExampleCheckFailed($"{typeof(TException).Name} names {invalid.Field}, but the example states {field}");
            return;
        }
        throw new ExampleCheckFailed($"the example states that it throws {typeof(TException).Name}, but it ran through");
    }

    /// <summary>Null when <paramref name="actual"/> is what <paramref name="stated"/> says, else the reason it is not.</summary>
    internal static string? Mismatch(object? actual, string stated)
    {
        if (stated.StartsWith('"'))
        {
            var text = stated[1..^1].Replace("\\\"", "\"").Replace("\\\\", "\\");
            var shown = actual?.ToString();
            return shown == text ? null : "its text differs";
        }
        if (stated is "true" or "false")
            return actual is bool b ? (b == (stated == "true") ? null : "wrong truth value") : "not a bool";
        var approximate = stated.StartsWith('~');
        var number = approximate ? stated[1..] : stated;
        var expected = double.Parse(number, CultureInfo.InvariantCulture);
        double value;
        switch (actual)
        {
            case double d: value = d; break;
            case float f: value = f; break;
            case int or long or short or byte or uint or ulong or System.Numerics.BigInteger:
                if (approximate) return "an integer is stated exactly, without ~";
                return actual.ToString() == number.TrimStart('+') ? null : "a different integer";
            // An exact value such as a symbolic Number states what it prints: "3" for the expression 3.
            default: return !approximate && actual?.ToString() == number ? null : "it prints differently";
        }
        // Exact statements hold to rounding error; a value written with ~ holds to the digits written.
        var tolerance = approximate ? 0.5 * Math.Pow(10, -Decimals(number)) : 1e-12 * Math.Max(1.0, Math.Abs(expected));
        return Math.Abs(value - expected) <= tolerance ? null : $"off by {value - expected:G3}, allowed {tolerance:G3}";
    }

    // A named value: equal as values; doubles to rounding error.
    private static string? MismatchNamed(object? actual, object named) =>
        (actual, named) switch
        {
            (double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1.0, Math.Abs(b)) ? null : $"off by {a - b:G3}",
            _ => Equals(actual, named) ? null : "a different value",
        };

    private static int Decimals(string number)
    {
        var mantissa = number.Split('e', 'E')[0];
        var dot = mantissa.IndexOf('.');
        var exponent = number.Contains('e') || number.Contains('E') ? int.Parse(number.Split('e', 'E')[1], CultureInfo.InvariantCulture) : 0;
        return (dot < 0 ? 0 : mantissa.Length - dot - 1) - exponent;
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => '"' + s + '"',
        _ => value.ToString() ?? "",
    };
}

/// <summary>An example stated something that is not so.</summary>
public sealed class ExampleCheckFailed(string message) : Exception(message);
