using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>Every Action says who does it.</summary>
public sealed class PerformerRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        foreach (var action in map.Points.OfType<ActionPoint>())
        {
            if (action.Performer is not { IsSpecified: true })
            {
                yield return new("action.performer-missing", action.Id, $"Action '{action.DisplayName}' has no performer: choose a user, a role, or a role with an addressing object.");
            }
            else if (action.Performer.AddressingObject is not null && string.IsNullOrWhiteSpace(action.Performer.Role))
            {
                yield return new("action.addressing-without-role", action.Id, $"Action '{action.DisplayName}' has an addressing object but no role; the addressing object narrows a role.");
            }
        }
    }
}
