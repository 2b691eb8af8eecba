using System.Text.Json;

namespace CrmBpm.Engine.Expressions.Juel;

/// <summary>
/// The Java methods an expression may call on a value: the ones conditions use on strings, lists and maps, with
/// Java's meaning. Nothing else runs: JUEL would call any public method of any object, which here would be a way out.
/// </summary>
internal static class JuelMethods
{
    private static readonly Dictionary<string, int> Arity = new(StringComparer.Ordinal)
    {
        ["size"] = 0,
        ["isEmpty"] = 0,
        ["length"] = 0,
        ["trim"] = 0,
        ["toUpperCase"] = 0,
        ["toLowerCase"] = 0,
        ["toString"] = 0,
        ["contains"] = 1,
        ["containsKey"] = 1,
        ["get"] = 1,
        ["equals"] = 1,
        ["equalsIgnoreCase"] = 1,
        ["startsWith"] = 1,
        ["endsWith"] = 1,
    };

    /// <summary>The methods, for messages.</summary>
    public static string Described { get; } = string.Join(", ", Arity.Select(m => m.Value == 0 ? $"{m.Key}()" : $"{m.Key}(x)"));

    public static bool IsAvailable(string name, int arguments) => Arity.TryGetValue(name, out var arity) && arity == arguments;

    /// <exception cref="JuelEvaluationException">The method does not exist on this kind of value, or an argument is null.</exception>
    public static object? Invoke(object? target, string name, IReadOnlyList<object?> arguments, string text)
    {
        if (target is null)
        {
            throw new JuelEvaluationException($"'{text}' calls {name}() on null");
        }

        if (name == "equals")
        {
            return JuelValues.JavaEquals(target, arguments[0]);
        }

        if (name == "toString")
        {
            return JuelCoercion.ToText(target);
        }

        var result = target switch
        {
            string s => OnText(s, name, arguments, text),
            JsonElement { ValueKind: JsonValueKind.Array } list => OnList(list, name, arguments, text),
            JsonElement { ValueKind: JsonValueKind.Object } map => OnMap(map, name, arguments),
            _ => NoSuchMethod,
        };
        return result != NoSuchMethod ? result : throw new JuelEvaluationException($"'{text}' calls {name}(), which {JuelValues.Describe(target)} does not have");
    }

    private static readonly object NoSuchMethod = new();

    private static object? OnText(string text, string name, IReadOnlyList<object?> arguments, string source) => name switch
    {
        "length" => (long)text.Length,
        "isEmpty" => text.Length == 0,
        "trim" => text.Trim(JavaWhitespace),
        "toUpperCase" => text.ToUpperInvariant(),
        "toLowerCase" => text.ToLowerInvariant(),
        "contains" => text.Contains(TextArgument(arguments[0], name, source), StringComparison.Ordinal),
        "startsWith" => text.StartsWith(TextArgument(arguments[0], name, source), StringComparison.Ordinal),
        "endsWith" => text.EndsWith(TextArgument(arguments[0], name, source), StringComparison.Ordinal),
        "equalsIgnoreCase" => arguments[0] is not null && string.Equals(text, JuelCoercion.ToText(arguments[0]), StringComparison.OrdinalIgnoreCase),
        _ => NoSuchMethod,
    };

    private static object? OnList(JsonElement list, string name, IReadOnlyList<object?> arguments, string source) => name switch
    {
        "size" => (long)list.GetArrayLength(),
        "isEmpty" => list.GetArrayLength() == 0,
        "contains" => list.EnumerateArray().Any(item => JuelValues.JavaEquals(JuelValues.FromJson(item), arguments[0])),
        "get" => JuelCoercion.ToLong(arguments[0]) is var index && index >= 0 && index < list.GetArrayLength()
            ? JuelValues.FromJson(list[(int)index])
            : throw new JuelEvaluationException($"'{source}' asks for item {JuelCoercion.ToText(arguments[0])} of a list of {list.GetArrayLength()}"),
        _ => NoSuchMethod,
    };

    private static object? OnMap(JsonElement map, string name, IReadOnlyList<object?> arguments) => name switch
    {
        "size" => (long)map.EnumerateObject().Count(),
        "isEmpty" => !map.EnumerateObject().Any(),
        "containsKey" => arguments[0] is string key && map.TryGetProperty(key, out _),
        "get" => arguments[0] is string key && map.TryGetProperty(key, out var value) ? JuelValues.FromJson(value) : null,
        _ => NoSuchMethod,
    };

    /// <summary>A Java String parameter: JUEL coerces the argument to text, and a null argument fails as in Java.</summary>
    private static string TextArgument(object? argument, string name, string source) =>
        argument is null ? throw new JuelEvaluationException($"'{source}' passes null to {name}()") : JuelCoercion.ToText(argument);

    // Java's String.trim removes every character up to U+0020.
    private static readonly char[] JavaWhitespace = [.. Enumerable.Range(0, 33).Select(c => (char)c)];
}
