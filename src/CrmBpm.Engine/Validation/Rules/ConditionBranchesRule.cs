using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>A Condition has exactly two outgoing flows: one Yes and one No.</summary>
public sealed class ConditionBranchesRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var graph = new MapGraph(map);
        foreach (var condition in map.Points.OfType<ConditionPoint>())
        {
            var outgoing = graph.Outgoing(condition.Id);
            var yes = outgoing.Count(f => f.Branch == ConditionBranch.Yes);
            var no = outgoing.Count(f => f.Branch == ConditionBranch.No);
            if (outgoing.Count != 2 || yes != 1 || no != 1)
            {
                yield return new("condition.branches", condition.Id,
                    $"Condition '{condition.DisplayName}' needs exactly two outgoing flows, one marked Yes and one marked No; it has {outgoing.Count} ({yes} Yes, {no} No).");
            }

            if (string.IsNullOrWhiteSpace(condition.Expression))
            {
                yield return new("condition.expression-missing", condition.Id, $"Condition '{condition.DisplayName}' has no expression to decide between Yes and No.");
            }
        }
    }
}
