using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CrmBpm.Engine.Expressions.Juel;

/// <summary>
/// Type conversion of Expression Language 2.2, section 1.18 (1.23 in EL 3.0), as JUEL applies it: to Boolean, to a
/// number (long or double) and to String. Numbers print as Java prints them (<c>2.0</c>, <c>1.0E10</c>).
/// </summary>
internal static class JuelCoercion
{
    /// <summary>null and "" are false; a string is true when it is "true" in any case; other values cannot be coerced.</summary>
    public static bool ToBoolean(object? value) => value switch
    {
        null or "" => false,
        bool b => b,
        string s => s.Equals("true", StringComparison.OrdinalIgnoreCase),
        _ => throw Cannot(value, "a boolean"),
    };

    /// <summary>null and "" are 0; a double is truncated; a string must be a Java long; booleans cannot be coerced.</summary>
    public static long ToLong(object? value) => value switch
    {
        null or "" => 0L,
        long l => l,
        double d => JavaLong(d),
        string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Cannot(value, "an integer"),
    };

    /// <summary>null and "" are 0; a string must be a Java double; booleans cannot be coerced.</summary>
    public static double ToDouble(object? value) => value switch
    {
        null or "" => 0d,
        long l => l,
        double d => d,
        string s when TryParseJavaDouble(s, out var parsed) => parsed,
        _ => throw Cannot(value, "a number"),
    };

    /// <summary>null is ""; other values as Java's toString writes them.</summary>
    public static string ToText(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => JavaDouble(d),
        JsonElement e => JavaText(e),
        _ => value.ToString() ?? "",
    };

    /// <summary>A string that JUEL's arithmetic treats as floating point: it contains '.', 'e' or 'E' (section 1.7.1).</summary>
    public static bool LooksFloating(object? value) => value is double || (value is string s && s.AsSpan().IndexOfAny(".eE") >= 0);

    private static JuelEvaluationException Cannot(object? value, string target) =>
        new($"{JuelValues.Describe(value)} cannot be coerced to {target}");

    /// <summary>Java's (long) cast: NaN is 0, out-of-range values saturate.</summary>
    private static long JavaLong(double d) => double.IsNaN(d) ? 0 : d >= long.MaxValue ? long.MaxValue : d <= long.MinValue ? long.MinValue : (long)d;

    /// <summary>Java's Double.valueOf: blanks around, an optional f/d suffix, NaN and Infinity.</summary>
    private static bool TryParseJavaDouble(string text, out double value)
    {
        var s = text.Trim(JavaBlanks);
        if (s is "NaN" or "Infinity" or "+Infinity" or "-Infinity")
        {
            value = s == "NaN" ? double.NaN : s[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (s.Length > 1 && s[^1] is 'f' or 'F' or 'd' or 'D')
        {
            s = s[..^1];
        }

        value = 0;
        return s.Length > 0 && (char.IsAsciiDigit(s[^1]) || s[^1] == '.')
            && double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
    }

    private static readonly char[] JavaBlanks = [.. Enumerable.Range(0, 33).Select(c => (char)c)];

    /// <summary>Java's Double.toString: plain between 10^-3 and 10^7 with at least one decimal, otherwise d.dddE±n.</summary>
    internal static string JavaDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        if (d == 0)
        {
            return double.IsNegative(d) ? "-0.0" : "0.0";
        }

        // The shortest digits that read back as d, and the decimal exponent of the first digit.
        var shortest = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = (point < 0 ? mantissa : mantissa.Remove(point, 1)).TrimStart('0');
        var leadingZeros = (point < 0 ? mantissa : mantissa.Remove(point, 1)).Length - digits.Length;
        exponent += (point < 0 ? mantissa.Length : point) - 1 - leadingZeros;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var sign = d < 0 ? "-" : "";
        if (exponent is >= -3 and < 7)
        {
            if (exponent < 0)
            {
                return $"{sign}0.{new string('0', -exponent - 1)}{digits}";
            }

            var whole = digits.Length > exponent + 1 ? digits[..(exponent + 1)] : digits.PadRight(exponent + 1, '0');
            var fraction = digits.Length > exponent + 1 ? digits[(exponent + 1)..] : "0";
            return $"{sign}{whole}.{fraction}";
        }

        return $"{sign}{digits[0]}.{(digits.Length > 1 ? digits[1..] : "0")}E{exponent.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Java's toString of a List ("[a, b]") or Map ("{k=v}").</summary>
    private static string JavaText(JsonElement value)
    {
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();

        static void Append(StringBuilder text, JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Array:
                    text.Append('[');
                    var first = true;
                    foreach (var item in value.EnumerateArray())
                    {
                        text.Append(first ? "" : ", ");
                        first = false;
                        Append(text, item);
                    }

                    text.Append(']');
                    break;
                case JsonValueKind.Object:
                    text.Append('{');
                    var firstProperty = true;
                    foreach (var property in value.EnumerateObject())
                    {
                        text.Append(firstProperty ? "" : ", ").Append(property.Name).Append('=');
                        firstProperty = false;
                        Append(text, property.Value);
                    }

                    text.Append('}');
                    break;
                default:
                    text.Append(value.ValueKind == JsonValueKind.Null ? "null" : ToText(JuelValues.FromJson(value)));
                    break;
            }
        }
    }
}
