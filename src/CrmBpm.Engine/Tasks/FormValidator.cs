using System.Globalization;
using System.Text.Json;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Engine.Tasks;

/// <summary>Checks a completion against the task's outcomes and form fields; lists every problem.</summary>
internal static class FormValidator
{
    public static IReadOnlyList<InputProblem> Check(WorkTask task, string? outcome, IReadOnlyDictionary<string, JsonElement> values)
    {
        var problems = new List<InputProblem>();
        if (task.Outcomes.Count > 0)
        {
            if (string.IsNullOrWhiteSpace(outcome))
            {
                problems.Add(new("outcome", $"Choose an outcome: {string.Join(", ", task.Outcomes)}."));
            }
            else if (!task.Outcomes.Contains(outcome, StringComparer.Ordinal))
            {
                problems.Add(new("outcome", $"'{outcome}' is not an outcome of this task; choose one of {string.Join(", ", task.Outcomes)}."));
            }
        }
        else if (!string.IsNullOrWhiteSpace(outcome))
        {
            problems.Add(new("outcome", $"This task has no outcomes, so '{outcome}' cannot be chosen."));
        }

        foreach (var field in task.FormFields)
        {
            var label = string.IsNullOrWhiteSpace(field.Label) ? field.Name : field.Label;
            if (field.ReadOnly)
            {
                if (values.ContainsKey(field.Name))
                {
                    problems.Add(new(field.Name, $"'{label}' is read-only: it is shown to the performer, not set by them."));
                }

                continue;
            }

            if (!values.TryGetValue(field.Name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ||
                (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString())))
            {
                if (field.Required)
                {
                    problems.Add(new(field.Name, $"'{label}' is required."));
                }

                continue;
            }

            var problem = field.Type switch
            {
                FormFieldType.Text when value.ValueKind != JsonValueKind.String => $"'{label}' must be text.",
                FormFieldType.Number when value.ValueKind != JsonValueKind.Number => $"'{label}' must be a number.",
                FormFieldType.Boolean when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False) => $"'{label}' must be yes or no (true/false).",
                FormFieldType.Date when value.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) =>
                    $"'{label}' must be a date such as 2026-12-31.",
                FormFieldType.Choice when value.ValueKind != JsonValueKind.String || !field.Options.Contains(value.GetString()!, StringComparer.Ordinal) =>
                    $"'{label}' must be one of {string.Join(", ", field.Options)}.",
                _ => Limits(field, label, value),
            };
            if (problem is not null)
            {
                problems.Add(new(field.Name, problem));
            }
        }

        return problems;
    }

    /// <summary>A value of the right type outside the field's range or length; null when it fits.</summary>
    private static string? Limits(FormField field, string label, JsonElement value)
    {
        if (field.Type == FormFieldType.Number && value.TryGetDecimal(out var number))
        {
            if (number < field.Minimum)
            {
                return $"'{label}' must be at least {field.Minimum.Value.ToString(CultureInfo.InvariantCulture)}.";
            }

            if (number > field.Maximum)
            {
                return $"'{label}' must be at most {field.Maximum.Value.ToString(CultureInfo.InvariantCulture)}.";
            }
        }

        if (field.Type == FormFieldType.Text && value.ValueKind == JsonValueKind.String)
        {
            var length = value.GetString()!.Length;
            if (length < field.MinLength)
            {
                return $"'{label}' must have at least {field.MinLength} characters.";
            }

            if (length > field.MaxLength)
            {
                return $"'{label}' must have at most {field.MaxLength} characters.";
            }
        }

        return null;
    }
}
