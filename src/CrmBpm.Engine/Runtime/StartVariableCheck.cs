using System.Globalization;
using System.Text.Json;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Engine.Runtime;

/// <summary>
/// Checks the variables an instance is started with against the map's declared <see cref="RouteMap.StartVariables"/>:
/// every required one present, every declared one of its type. Undeclared variables pass (embedding applications pass their own).
/// </summary>
internal static class StartVariableCheck
{
    /// <summary>Every problem, each naming the variable; empty when the instance may start.</summary>
    public static IReadOnlyList<InputProblem> Check(RouteMap map, IReadOnlyDictionary<string, JsonElement> variables)
    {
        var problems = new List<InputProblem>();
        foreach (var declared in map.StartVariables)
        {
            var label = declared.DisplayLabel == declared.Name ? $"'{declared.Name}'" : $"'{declared.DisplayLabel}' ({declared.Name})";
            if (!variables.TryGetValue(declared.Name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ||
                (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString())))
            {
                if (declared.Required)
                {
                    problems.Add(new(declared.Name, $"Route map '{map.Key}' needs the start variable {label}."));
                }

                continue;
            }

            var expected = declared.Type switch
            {
                FormFieldType.Number when value.ValueKind != JsonValueKind.Number => "a number",
                FormFieldType.Boolean when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False) => "yes or no (true/false)",
                FormFieldType.Date when value.ValueKind != JsonValueKind.String ||
                    !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) => "a date such as 2026-12-31",
                FormFieldType.Text or FormFieldType.Choice when value.ValueKind != JsonValueKind.String => "text",
                _ => null,
            };
            if (expected is not null)
            {
                problems.Add(new(declared.Name, $"Start variable {label} of route map '{map.Key}' must be {expected}, not {Variables.ToText(value)}."));
            }
        }

        return problems;
    }
}
