using System.Globalization;

namespace CrmBpm.Engine.Expressions.Feel;

/// <summary>
/// The built-in functions CrmBpm's FEEL runs (DMN 1.3, section 10.3.4), the ones Camunda 8 conditions and mappings use
/// most. As in FEEL, a function given an argument of the wrong kind gives null rather than failing.
/// <c>is defined</c> needs the unevaluated argument and is run by <see cref="FeelEvaluator"/>.
/// </summary>
internal static class FeelFunctions
{
    /// <summary>Each function with its fewest and most arguments (<see cref="int.MaxValue"/> for a list written out).</summary>
    private static readonly Dictionary<string, (int Min, int Max, string Parameters)> Signatures = new(StringComparer.Ordinal)
    {
        ["not"] = (1, 1, "negand"),
        ["is defined"] = (1, 1, "value"),
        ["get or else"] = (2, 2, "value, default"),
        ["string"] = (1, 1, "from"),
        ["string length"] = (1, 1, "string"),
        ["upper case"] = (1, 1, "string"),
        ["lower case"] = (1, 1, "string"),
        ["contains"] = (2, 2, "string, match"),
        ["starts with"] = (2, 2, "string, match"),
        ["ends with"] = (2, 2, "string, match"),
        ["list contains"] = (2, 2, "list, element"),
        ["count"] = (1, 1, "list"),
        ["sum"] = (1, int.MaxValue, "list"),
        ["min"] = (1, int.MaxValue, "list"),
        ["max"] = (1, int.MaxValue, "list"),
    };

    /// <summary>The functions for a message: <c>not(negand), string length(string), …</c>.</summary>
    public static string Described { get; } = string.Join(", ", Signatures.Select(s => $"{s.Key}({s.Value.Parameters})"));

    public static bool Exists(string name) => Signatures.ContainsKey(name);

    public static bool Accepts(string name, int count) =>
        Signatures.TryGetValue(name, out var signature) && count >= signature.Min && count <= signature.Max;

    public static string Signature(string name)
    {
        var (min, max, parameters) = Signatures[name];
        return max == int.MaxValue ? $"it takes a list, or the numbers one by one: {name}({parameters})" : $"it takes {min}: {name}({parameters})";
    }

    public static object? Invoke(string name, IReadOnlyList<object?> arguments) => name switch
    {
        "not" => FeelOperators.Not(arguments[0]),
        "get or else" => arguments[0] ?? arguments[1],
        "string" => Text(arguments[0]),
        "string length" => arguments[0] is string s ? (decimal)s.EnumerateRunes().Count() : null,
        "upper case" => arguments[0] is string s ? s.ToUpperInvariant() : null,
        "lower case" => arguments[0] is string s ? s.ToLowerInvariant() : null,
        "contains" => arguments is [string s, string match] ? s.Contains(match, StringComparison.Ordinal) : null,
        "starts with" => arguments is [string s, string match] ? s.StartsWith(match, StringComparison.Ordinal) : null,
        "ends with" => arguments is [string s, string match] ? s.EndsWith(match, StringComparison.Ordinal) : null,
        "list contains" => arguments[0] is IReadOnlyList<object?> list ? list.Any(item => FeelOperators.Equal(item, arguments[1]) == true) : null,
        "count" => arguments[0] is IReadOnlyList<object?> list ? (decimal)list.Count : null,
        "sum" => Numbers(arguments) is { Count: > 0 } numbers ? Sum(numbers) : null,
        "min" => Numbers(arguments) is { Count: > 0 } numbers ? numbers.Min() : null,
        "max" => Numbers(arguments) is { Count: > 0 } numbers ? numbers.Max() : null,
        _ => throw new InvalidOperationException($"The FEEL function {name} has no implementation."),
    };

    /// <summary>The numbers of a list given alone, or of the arguments; null when any item is not a number.</summary>
    private static List<decimal>? Numbers(IReadOnlyList<object?> arguments)
    {
        var items = arguments is [IReadOnlyList<object?> list] ? list : arguments;
        var numbers = new List<decimal>(items.Count);
        foreach (var item in items)
        {
            if (item is not decimal number)
            {
                return null;
            }

            numbers.Add(number);
        }

        return numbers;
    }

    private static decimal? Sum(List<decimal> numbers)
    {
        try
        {
            return numbers.Sum();
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>FEEL's <c>string(from)</c> for scalars: a number without trailing zeros, true/false, a string as it is.</summary>
    private static string? Text(object? value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        decimal d => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}
