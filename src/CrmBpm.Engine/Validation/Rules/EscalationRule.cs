using CrmBpm.Engine.Calendar;
using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// An Action's escalation ladder makes sense: it hangs on a deadline, each step says when (an ISO 8601 duration), nothing
/// comes after the default outcome (it ends the task), a reassignment has a role whose head takes the task, and a default
/// outcome is one the task accepts (one of its outcomes, no required field left empty).
/// </summary>
public sealed class EscalationRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var ids = map.Points.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var action in map.Points.OfType<ActionPoint>().Where(a => a.Escalation.Count > 0))
        {
            var what = $"The escalation of Action '{action.DisplayName}'";
            if (action.Deadline is null)
            {
                yield return new("escalation.without-deadline", action.Id, $"{what} counts from the deadline, but the Action has none: give it a deadline (crm:deadline).");
            }

            TimeSpan? finalAt = null;
            for (var i = 0; i < action.Escalation.Count; i++)
            {
                var step = action.Escalation[i];
                var label = $"{what}, step {i + 1} ({step.Kind})";
                if (string.IsNullOrWhiteSpace(step.Id) || !ids.Add(step.Id))
                {
                    yield return new("escalation.id", action.Id, $"{label} needs an id of its own ('{step.Id}' is {(string.IsNullOrWhiteSpace(step.Id) ? "empty" : "taken")}).");
                }

                if (!WorkingDuration.TryParse(step.Duration, out var offset))
                {
                    yield return new("escalation.duration", action.Id, $"{label}: '{step.Duration}' is not an ISO 8601 duration such as PT4H or P1D.");
                    continue;
                }

                var at = step.BeforeDeadline ? -offset.Elapsed : offset.Elapsed;
                if (finalAt is not null)
                {
                    yield return new("escalation.after-final", action.Id, $"{label} comes after the default outcome, which ends the task: remove it or move it before.");
                }
                else if (step.Kind == EscalationStepKind.DefaultOutcome)
                {
                    finalAt = at;
                    foreach (var later in action.Escalation.Take(i).Where(s => WorkingDuration.TryParse(s.Duration, out var o) && (s.BeforeDeadline ? -o.Elapsed : o.Elapsed) > at))
                    {
                        yield return new("escalation.after-final", action.Id, $"{what}: step {later.Kind} ('{later.Duration}') would come after the default outcome ('{step.Duration}' after the deadline), which ends the task.");
                    }
                }

                if (step.Kind == EscalationStepKind.ReassignToHead && action.Performer?.Role is null && action.Performer?.RoleExpression is null)
                {
                    yield return new("escalation.reassign-without-role", action.Id, $"{label} hands the task to the head of its role, but the Action is addressed to no role: address it to a role (and addressing object), or notify the head instead.");
                }

                if (step.Kind == EscalationStepKind.DefaultOutcome)
                {
                    if (action.Outcomes.Count > 0 && (step.Outcome is null || !action.Outcomes.Contains(step.Outcome, StringComparer.Ordinal)))
                    {
                        yield return new("escalation.outcome", action.Id, $"{label}: '{step.Outcome}' is not one of the Action's outcomes ({string.Join(", ", action.Outcomes)}).");
                    }

                    if (action.FormFields.FirstOrDefault(f => f.Required && f.DefaultValue is null) is { } field)
                    {
                        yield return new("escalation.required-field", action.Id, $"{label} completes the task without a person, but its field '{field.Name}' is required and has no default value.");
                    }
                }
            }
        }
    }
}
