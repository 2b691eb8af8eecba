using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>An Action, Nested process or pass-through point has one way out; branching needs a Condition, Choice or Split.</summary>
public sealed class SingleOutgoingRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var graph = new MapGraph(map);
        foreach (var point in map.Points.Where(p => p is ActionPoint or NestedProcessPoint or PassThroughPoint))
        {
            var count = graph.Outgoing(point.Id).Count;
            if (count > 1)
            {
                yield return new("point.multiple-outgoing", point.Id,
                    $"{point.KindName} '{point.DisplayName}' has {count} outgoing flows but may have only one; to branch, add a Condition, Choice or Split after it.");
            }
        }
    }
}
