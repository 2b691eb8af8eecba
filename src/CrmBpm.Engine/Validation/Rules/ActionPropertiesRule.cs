using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>An Action's outcomes, form fields, deadline, reminder and multi-instance settings are usable.</summary>
public sealed class ActionPropertiesRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        foreach (var action in map.Points.OfType<ActionPoint>())
        {
            var name = action.DisplayName;
            if (action.Outcomes.Any(string.IsNullOrWhiteSpace))
            {
                yield return new("action.outcome-empty", action.Id, $"Action '{name}' has an empty outcome; every outcome button needs a label.");
            }

            foreach (var duplicate in action.Outcomes.GroupBy(o => o, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                yield return new("action.outcome-duplicate", action.Id, $"Action '{name}' lists the outcome '{duplicate.Key}' twice.");
            }

            foreach (var field in action.FormFields)
            {
                if (!IsIdentifier(field.Name))
                {
                    yield return new("action.field-name", action.Id, $"Form field '{field.Name}' of Action '{name}' needs a name of letters, digits and _ that does not start with a digit.");
                }

                if (field.Type == FormFieldType.Choice && field.Options.Count == 0)
                {
                    yield return new("action.field-options", action.Id, $"Form field '{field.Name}' of Action '{name}' is a choice but has no options.");
                }
            }

            foreach (var duplicate in action.FormFields.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                yield return new("action.field-duplicate", action.Id, $"Action '{name}' has two form fields named '{duplicate.Key}'.");
            }

            if (action.Deadline is { } deadline)
            {
                var hasDuration = !string.IsNullOrWhiteSpace(deadline.Duration);
                var hasExpression = !string.IsNullOrWhiteSpace(deadline.Expression);
                if (hasDuration == hasExpression)
                {
                    yield return new("action.deadline-shape", action.Id, $"The deadline of Action '{name}' must be either a duration or an expression.");
                }
                else if (hasDuration && !Deadline.TryParseDuration(deadline.Duration, out _))
                {
                    yield return new("action.deadline-duration", action.Id, $"The deadline '{deadline.Duration}' of Action '{name}' is not an ISO 8601 duration such as P2D or PT4H.");
                }
            }

            if (action.ReminderBefore is { } reminder)
            {
                if (action.Deadline is null)
                {
                    yield return new("action.reminder-without-deadline", action.Id, $"Action '{name}' has a reminder but no deadline to remind of.");
                }
                else if (reminder <= TimeSpan.Zero)
                {
                    yield return new("action.reminder-negative", action.Id, $"The reminder of Action '{name}' must be a positive time before the deadline.");
                }
            }
        }
    }

    internal static bool IsIdentifier(string? name) =>
        !string.IsNullOrEmpty(name) && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}
