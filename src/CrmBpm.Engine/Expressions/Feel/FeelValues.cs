using System.Globalization;
using System.Text.Json;

namespace CrmBpm.Engine.Expressions.Feel;

/// <summary>
/// The values a FEEL expression works with: null, <see cref="bool"/>, numbers as <see cref="decimal"/> (FEEL's numbers
/// are decimal, so <c>0.1 + 0.2 = 0.3</c>), <see cref="string"/>, lists as <see cref="IReadOnlyList{T}"/>, and contexts
/// (JSON objects) kept as their <see cref="JsonElement"/>.
/// </summary>
internal static class FeelValues
{
    private static readonly JsonElement JsonNull = JsonSerializer.SerializeToElement<object?>(null);
    private static readonly JsonElement JsonTrue = JsonSerializer.SerializeToElement(true);
    private static readonly JsonElement JsonFalse = JsonSerializer.SerializeToElement(false);

    /// <exception cref="FeelEvaluationException">A number beyond the range of <see cref="decimal"/>.</exception>
    public static object? FromJson(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetDecimal(out var number)
            ? number
            : throw new FeelEvaluationException($"the number {value.GetRawText()} is beyond the range of FEEL numbers CrmBpm keeps (28 digits)"),
        JsonValueKind.Array => value.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => value,
        _ => null,
    };

    public static JsonElement ToJson(object? value) => value switch
    {
        null => JsonNull,
        bool b => b ? JsonTrue : JsonFalse,
        decimal d => Number(d),
        string s => JsonSerializer.SerializeToElement(s),
        IReadOnlyList<object?> list => JsonSerializer.SerializeToElement(list.Select(ToJson).ToList()),
        JsonElement e => e.Clone(),
        _ => throw new InvalidOperationException($"FEEL value of type {value.GetType().Name} has no JSON form."),
    };

    /// <summary>A whole number is written without a fraction (2, not 2.0), so that it reads back as an integer.</summary>
    private static JsonElement Number(decimal value)
    {
        var normalized = value / 1.0000000000000000000000000000m;
        return normalized == decimal.Truncate(normalized) && normalized is >= long.MinValue and <= long.MaxValue
            ? JsonSerializer.SerializeToElement((long)normalized)
            : JsonDocument.Parse(normalized.ToString(CultureInfo.InvariantCulture)).RootElement.Clone();
    }

    /// <summary>FEEL's kind of a value, for messages and the type check of comparisons.</summary>
    public static string Kind(object? value) => value switch
    {
        null => "null",
        bool => "boolean",
        decimal => "number",
        string => "string",
        IReadOnlyList<object?> => "list",
        _ => "context",
    };
}
