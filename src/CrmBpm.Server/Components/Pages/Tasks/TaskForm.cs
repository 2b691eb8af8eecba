using System.Globalization;
using CrmBpm.Engine.Definitions;

namespace CrmBpm.Server.Components.Pages.Tasks;

/// <summary>Why a form value was refused.</summary>
public enum FieldProblemKind
{
    /// <summary>A required field is empty.</summary>
    Required,

    /// <summary>A number field holds something else.</summary>
    NotANumber,

    /// <summary>A date field holds something else.</summary>
    NotADate,

    /// <summary>A choice field holds a value outside its options.</summary>
    NotAnOption,

    /// <summary>A yes/no field holds something else.</summary>
    NotYesOrNo,
}

/// <summary>
/// The values a performer types into an Action's form fields, as the inputs hold them (text), checked the way the engine
/// checks a completion (required, type, options) and turned into the values the engine stores: text and dates and
/// choices as strings, numbers as numbers, yes/no as booleans. The card checks here first to say what is wrong in the
/// user's language, next to the field; the engine checks again and stays the authority.
/// </summary>
public sealed class TaskForm
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    /// <summary>A form for <paramref name="fields"/>, each value its field's default (empty when it has none).</summary>
    public TaskForm(IReadOnlyList<FormField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Fields = fields;
        foreach (var field in fields.Where(f => f.DefaultValue is not null))
        {
            _values[field.Name] = field.DefaultValue;
        }
    }

    /// <summary>The fields, in the Action's order.</summary>
    public IReadOnlyList<FormField> Fields { get; }

    /// <summary>The raw value of a field: what its input holds (<c>true</c>/<c>false</c> for yes/no; <c>yyyy-MM-dd</c> for a date).</summary>
    public string? this[string name]
    {
        get => _values.GetValueOrDefault(name);
        set => _values[name] = value;
    }

    /// <summary>The label to show: the field's label, or its name when it has none.</summary>
    public static string LabelOf(FormField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return string.IsNullOrWhiteSpace(field.Label) ? field.Name : field.Label;
    }

    /// <summary>Checks every field; on success <paramref name="values"/> holds what to complete the task with (empty optional fields left out).</summary>
    /// <returns>Every problem, by field name; empty when the form may be sent.</returns>
    public IReadOnlyDictionary<string, FieldProblemKind> Check(out IReadOnlyDictionary<string, object?> values)
    {
        var problems = new Dictionary<string, FieldProblemKind>(StringComparer.Ordinal);
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in Fields.Where(f => !f.ReadOnly)) // shown, never sent
        {
            var raw = this[field.Name]?.Trim();
            if (string.IsNullOrEmpty(raw))
            {
                if (field.Required)
                {
                    problems[field.Name] = FieldProblemKind.Required;
                }

                continue;
            }

            if (ProblemOf(field, raw) is { } problem)
            {
                problems[field.Name] = problem;
            }
            else
            {
                result[field.Name] = Value(field, raw);
            }
        }

        values = result;
        return problems;
    }

    private static FieldProblemKind? ProblemOf(FormField field, string raw) => field.Type switch
    {
        FormFieldType.Number when !decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out _) => FieldProblemKind.NotANumber,
        FormFieldType.Boolean when !bool.TryParse(raw, out _) => FieldProblemKind.NotYesOrNo,
        FormFieldType.Date when !DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => FieldProblemKind.NotADate,
        FormFieldType.Choice when !field.Options.Contains(raw, StringComparer.Ordinal) => FieldProblemKind.NotAnOption,
        _ => null,
    };

    private static object Value(FormField field, string raw) => field.Type switch
    {
        FormFieldType.Number => decimal.Parse(raw, NumberStyles.Number, CultureInfo.InvariantCulture),
        FormFieldType.Boolean => bool.Parse(raw),
        _ => raw,
    };
}
