using System.Globalization;
using System.Text.Json;

namespace CrmBpm.Engine.Expressions.Juel;

/// <summary>
/// The values an expression works with, as JUEL sees Camunda's variables: null, <see cref="bool"/>, <see cref="long"/>
/// (JSON integers), <see cref="double"/> (other JSON numbers), <see cref="string"/>, and lists and maps kept as their
/// <see cref="JsonElement"/> so that a large variable is only read as far as the expression looks into it.
/// </summary>
internal static class JuelValues
{
    private static readonly JsonElement JsonNull = JsonSerializer.SerializeToElement<object?>(null);
    private static readonly JsonElement JsonTrue = JsonSerializer.SerializeToElement(true);
    private static readonly JsonElement JsonFalse = JsonSerializer.SerializeToElement(false);

    public static object? FromJson(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => Number(value.GetRawText()),
        JsonValueKind.Array or JsonValueKind.Object => value,
        _ => null,
    };

    private static object Number(string raw) =>
        raw.AsSpan().IndexOfAny(".eE") < 0 && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            ? (object)integer
            : double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <exception cref="JuelEvaluationException">The value is NaN or infinite, which JSON cannot hold.</exception>
    public static JsonElement ToJson(object? value) => value switch
    {
        null => JsonNull,
        bool b => b ? JsonTrue : JsonFalse,
        long l => JsonSerializer.SerializeToElement(l),
        double d when double.IsFinite(d) => JsonSerializer.SerializeToElement(d),
        double d => throw new JuelEvaluationException($"it gives {JuelCoercion.ToText(d)}, which is not a value that can be stored"),
        string s => JsonSerializer.SerializeToElement(s),
        JsonElement e => e.Clone(),
        _ => throw new InvalidOperationException($"JUEL value of type {value.GetType().Name} has no JSON form."),
    };

    /// <summary>Java's <c>Object.equals</c>: the same kind and the same value (a long never equals a double).</summary>
    public static bool JavaEquals(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (long x, long y) => x == y,
        (double x, double y) => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y) || (double.IsNaN(x) && double.IsNaN(y)),
        (bool x, bool y) => x == y,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (JsonElement x, JsonElement y) => x.ValueKind == y.ValueKind && JsonElement.DeepEquals(x, y),
        _ => false,
    };

    /// <summary>A value for a message: its kind and, for scalars, the value itself.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        bool b => b ? "the boolean true" : "the boolean false",
        long or double => $"the number {JuelCoercion.ToText(value)}",
        string s => s.Length <= 40 ? $"the text '{s}'" : $"the text '{s[..40]}…'",
        JsonElement { ValueKind: JsonValueKind.Array } => "a list",
        _ => "a map",
    };

    public static bool IsList(object? value) => value is JsonElement { ValueKind: JsonValueKind.Array };

    public static bool IsMap(object? value) => value is JsonElement { ValueKind: JsonValueKind.Object };
}
