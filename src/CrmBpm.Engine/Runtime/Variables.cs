using System.Text.Json;

namespace CrmBpm.Engine.Runtime;

/// <summary>Turns .NET values into the JSON values instances store.</summary>
public static class Variables
{
    /// <summary>No variables.</summary>
    internal static IReadOnlyDictionary<string, JsonElement> None { get; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Converts a dictionary of .NET values (strings, numbers, booleans, lists, dictionaries, JSON) to JSON values.</summary>
    public static Dictionary<string, JsonElement> From(IReadOnlyDictionary<string, object?>? values)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (values is null)
        {
            return result;
        }

        foreach (var (name, value) in values)
        {
            result[name] = ToJson(value);
        }

        return result;
    }

    /// <summary>Converts one .NET value to a JSON value.</summary>
    public static JsonElement ToJson(object? value) => value switch
    {
        JsonElement element => element.Clone(),
        _ => JsonSerializer.SerializeToElement(value),
    };

    /// <summary>A JSON value as display text (strings unquoted).</summary>
    public static string ToText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => value.GetRawText(),
    };
}
