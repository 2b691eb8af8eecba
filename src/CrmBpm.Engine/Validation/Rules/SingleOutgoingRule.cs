using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// An exclusive gateway that only joins (a pass-through point read from another modeler's file) has one way out: with
/// more it would decide, and read back from BPMN it would be a Choice. Tasks, Actions and Nested processes may have
/// several (see <see cref="ActivityFlowsRule"/>).
/// </summary>
public sealed class SingleOutgoingRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var graph = new MapGraph(map);
        foreach (var point in map.Points.OfType<PassThroughPoint>().Where(p => p.Element == "exclusiveGateway"))
        {
            var count = graph.Outgoing(point.Id).Count;
            if (count > 1)
            {
                yield return new("point.multiple-outgoing", point.Id,
                    $"The joining gateway '{point.DisplayName}' has {count} outgoing flows but may have only one; to branch, make it a Choice.");
            }
        }
    }
}
