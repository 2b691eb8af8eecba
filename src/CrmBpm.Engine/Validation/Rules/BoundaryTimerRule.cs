using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// A boundary timer sits on an activity that can carry one (an Action or a Nested process), no flow leads into it, at least
/// one leaves it, and its timer reads (a cycle only on a non-interrupting one, the only kind that fires more than once).
/// </summary>
public sealed class BoundaryTimerRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var graph = new MapGraph(map);
        foreach (var boundary in map.Points.OfType<BoundaryTimerPoint>())
        {
            var name = $"Boundary timer '{boundary.DisplayName}'";
            var activity = map.FindPoint(boundary.AttachedToId);
            if (activity is null)
            {
                yield return new("boundary.attached-unknown", boundary.Id,
                    string.IsNullOrWhiteSpace(boundary.AttachedToId)
                        ? $"{name} is not attached to an activity; put it on the border of an Action or a Nested process."
                        : $"{name} is attached to '{boundary.AttachedToId}', which is not a point of this map.");
            }
            else if (!BoundaryTimerPoint.CanCarry(activity))
            {
                yield return new("boundary.attached-kind", boundary.Id,
                    $"{name} is attached to {activity.KindName} '{activity.DisplayName}', which cannot carry one: only an Action or a Nested process waits long enough for a timer on its border.");
            }

            if (graph.Incoming(boundary.Id).Count > 0)
            {
                yield return new("boundary.incoming", boundary.Id, $"{name} has a flow leading into it; a boundary event starts from its activity, so no flow may enter it.", graph.Incoming(boundary.Id)[0].Id);
            }

            if (graph.Outgoing(boundary.Id).Count == 0)
            {
                yield return new("boundary.outgoing-missing", boundary.Id, $"{name} has no outgoing flow: when it fires, the process would have nowhere to go.");
            }

            if (TimerEventRule.Check(boundary, boundary.Timer, repeats: !boundary.CancelsActivity) is { } problem)
            {
                yield return problem;
            }
        }
    }
}
