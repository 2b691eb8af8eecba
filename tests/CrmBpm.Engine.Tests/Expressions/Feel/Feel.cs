using System.Text.Json;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Expressions.Feel;

namespace CrmBpm.Engine.Tests.Expressions.Feel;

/// <summary>Evaluates FEEL texts over variables given as an anonymous object, and returns plain .NET values.</summary>
internal static class Feel
{
    public static readonly FeelExpressionEvaluator Evaluator = new(new ExpressionLimits());

    public static JsonElement Json(string expression, object? variables = null) =>
        Evaluator.Evaluate(expression, Variables(variables));

    /// <summary>The result as bool, long (a whole number), double, string, null or the JSON text of a list or map.</summary>
    public static object? Value(string expression, object? variables = null)
    {
        var result = Json(expression, variables);
        return result.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            JsonValueKind.String => result.GetString(),
            JsonValueKind.Number when result.TryGetInt64(out var l) => l,
            JsonValueKind.Number => result.GetDouble(),
            _ => result.GetRawText(),
        };
    }

    public static ExpressionException Failure(string expression, object? variables = null) =>
        Should.Throw<ExpressionException>(() => Json(expression, variables));

    public static IReadOnlyDictionary<string, JsonElement> Variables(object? variables) =>
        variables is null
            ? new Dictionary<string, JsonElement>()
            : JsonSerializer.SerializeToElement(variables).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
}
