using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// Escalation events (not a task's escalation ladder, see <see cref="EscalationRule"/>): an escalation boundary sits on a
/// Sub-process, a Nested process or an Action (<c>escalation-event.boundary-kind</c>: only there can an escalation come from), no
/// flow leads into it, at least one leaves it, and no two boundaries of one activity catch the same escalation code
/// (<c>escalation-event.boundary-duplicate</c>: the second would never catch). Where an escalation start may stand is the
/// sub-process rule's (<c>start.trigger-not-here</c>).
/// </summary>
public sealed class EscalationEventRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var boundaries = map.Points.OfType<BoundaryEscalationPoint>().ToList();
        if (boundaries.Count == 0)
        {
            yield break;
        }

        var graph = new MapGraph(map);
        foreach (var boundary in boundaries)
        {
            var name = $"{boundary.KindName} '{boundary.DisplayName}'";
            var activity = map.FindPoint(boundary.AttachedToId);
            if (activity is null)
            {
                yield return new("boundary.attached-unknown", boundary.Id,
                    string.IsNullOrWhiteSpace(boundary.AttachedToId)
                        ? $"{name} is not attached to an activity; put it on the border of a Sub-process, a Nested process or an Action."
                        : $"{name} is attached to '{boundary.AttachedToId}', which is not a point of this map.");
            }
            else if (!BoundaryEscalationPoint.CanCarry(activity))
            {
                yield return new("escalation-event.boundary-kind", boundary.Id,
                    $"{name} is attached to {activity.KindName} '{activity.DisplayName}', where no escalation can be thrown: only a Sub-process or a Nested process, whose inside throws escalations, or an Action, whose performer can raise one, can carry one.");
            }

            if (graph.Incoming(boundary.Id).Count > 0)
            {
                yield return new("boundary.incoming", boundary.Id, $"{name} has a flow leading into it; a boundary event starts from its activity, so no flow may enter it.", graph.Incoming(boundary.Id)[0].Id);
            }

            if (graph.Outgoing(boundary.Id).Count == 0)
            {
                yield return new("boundary.outgoing-missing", boundary.Id, $"{name} has no outgoing flow: when it catches an escalation, the process would have nowhere to go.");
            }
        }

        foreach (var group in boundaries.GroupBy(b => (b.AttachedToId, b.Escalation?.Code)).Where(g => g.Count() > 1))
        {
            var second = group.Skip(1).First();
            var what = group.Key.Code is null ? "every escalation (neither names an escalation code)" : $"the escalation code '{group.Key.Code}'";
            yield return new("escalation-event.boundary-duplicate", second.Id,
                $"Escalation boundaries '{group.First().DisplayName}' and '{second.DisplayName}' on the same activity both catch {what}; only the first would ever catch it.");
        }
    }
}
