using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>Every Action says who does it; a pool nobody is in is a warning (the map runs, but its tasks would wait unseen).</summary>
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
            else if (PoolOf(action.Performer) is { } pool && context.PoolsWithoutMembers.Contains(pool))
            {
                var whom = pool.AddressingObject is null ? $"the role '{pool.Role}'" : $"the role '{pool.Role}' for '{pool.AddressingObject}'";
                yield return new ValidationProblem("action.role-without-members", action.Id,
                    $"Action '{action.DisplayName}' is addressed to {whom}, which nobody holds yet: its tasks would wait until an Administrator gives someone that role.")
                    { Severity = ValidationSeverity.Warning };
            }
        }
    }

    /// <summary>The pool an Action's tasks may land in: its role (for its addressing object), unless a fixed user is named.</summary>
    internal static RoleMembership? PoolOf(Performer performer) =>
        string.IsNullOrWhiteSpace(performer.Role) || (!string.IsNullOrWhiteSpace(performer.UserId) && string.IsNullOrWhiteSpace(performer.UserExpression))
            ? null
            : new RoleMembership(performer.Role, string.IsNullOrWhiteSpace(performer.AddressingObject) ? null : performer.AddressingObject);
}
