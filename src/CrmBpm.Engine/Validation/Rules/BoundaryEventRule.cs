using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// A boundary event (a timer, a message, a signal) sits on an activity that can carry one (an Action, a Nested process, a receive task or an
/// Automatic step), no flow leads into it, and at least one leaves it.
/// </summary>
public sealed class BoundaryEventRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var graph = new MapGraph(map);
        foreach (var boundary in map.Points.OfType<BoundaryEventPoint>())
        {
            var name = $"{boundary.KindName} '{boundary.DisplayName}'";
            var activity = map.FindPoint(boundary.AttachedToId);
            if (activity is null)
            {
                yield return new("boundary.attached-unknown", boundary.Id,
                    string.IsNullOrWhiteSpace(boundary.AttachedToId)
                        ? $"{name} is not attached to an activity; put it on the border of an Action, a Nested process, a Sub-process or an Automatic step."
                        : $"{name} is attached to '{boundary.AttachedToId}', which is not a point of this map.");
            }
            else if (!BoundaryEventPoint.CanCarry(activity))
            {
                yield return new("boundary.attached-kind", boundary.Id,
                    $"{name} is attached to {activity.KindName} '{activity.DisplayName}', which cannot carry one: only an Action, a Nested process, a Sub-process, an Automatic step or a receive task waits long enough for an event on its border.");
            }

            if (graph.Incoming(boundary.Id).Count > 0)
            {
                yield return new("boundary.incoming", boundary.Id, $"{name} has a flow leading into it; a boundary event starts from its activity, so no flow may enter it.", graph.Incoming(boundary.Id)[0].Id);
            }

            if (graph.Outgoing(boundary.Id).Count == 0)
            {
                yield return new("boundary.outgoing-missing", boundary.Id, $"{name} has no outgoing flow: when it fires, the process would have nowhere to go.");
            }
        }
    }
}
