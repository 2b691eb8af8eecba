using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// Every Action should say who does it. An Action without any performer is a warning, not an error: other modelers' files
/// leave performers out and run, so ours do too, their tasks waiting in the Unassigned list for a Head or Administrator to
/// hand over. A pool nobody is in is a warning too (the map runs, but its tasks would wait unseen).
/// </summary>
public sealed class PerformerRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        foreach (var action in map.Points.OfType<ActionPoint>())
        {
            if (action.Performer is not { IsSpecified: true })
            {
                yield return new ValidationProblem("action.performer-missing", action.Id,
                    $"Action '{action.DisplayName}' has no performer: its tasks will wait in the Unassigned list until a Head or Administrator hands them to someone. Choose a user, a role, or a role with an addressing object to address them.")
                    { Severity = ValidationSeverity.Warning };
            }
            else if (action.Performer.AddressingObject is not null && string.IsNullOrWhiteSpace(action.Performer.Role) && string.IsNullOrWhiteSpace(action.Performer.RoleExpression))
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

    /// <summary>
    /// The pool an Action's tasks may land in: its role (for its addressing object), unless a fixed user is named or the
    /// role or its addressing object is only known at run time.
    /// </summary>
    internal static RoleMembership? PoolOf(Performer performer) =>
        string.IsNullOrWhiteSpace(performer.Role) || !string.IsNullOrWhiteSpace(performer.RoleExpression)
        || (performer.AddressingObject is { } addressing && Expressions.Juel.JuelExpressionEvaluator.IsJuel(addressing)) || (!string.IsNullOrWhiteSpace(performer.UserId) && string.IsNullOrWhiteSpace(performer.UserExpression))
            ? null
            : new RoleMembership(performer.Role, string.IsNullOrWhiteSpace(performer.AddressingObject) ? null : performer.AddressingObject);
}
