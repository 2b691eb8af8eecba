using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// An error boundary sits on an activity that can throw a business error (an Automatic step, an Action or a Nested process),
/// no flow leads into it, at least one leaves it, and no two boundaries of one activity catch the same error (the second
/// would never catch anything). An error end event is only caught by a Nested process calling the map: a warning says so,
/// since a map started on its own gets an incident there.
/// </summary>
public sealed class ErrorEventRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var graph = new MapGraph(map);
        var boundaries = map.Points.OfType<BoundaryErrorPoint>().ToList();
        foreach (var boundary in boundaries)
        {
            var name = $"Error boundary '{boundary.DisplayName}'";
            var activity = map.FindPoint(boundary.AttachedToId);
            if (activity is null)
            {
                yield return new("boundary.attached-unknown", boundary.Id,
                    string.IsNullOrWhiteSpace(boundary.AttachedToId)
                        ? $"{name} is not attached to an activity; put it on the border of an Automatic step, an Action, a Nested process or a Sub-process."
                        : $"{name} is attached to '{boundary.AttachedToId}', which is not a point of this map.");
            }
            else if (!BoundaryErrorPoint.CanCarry(activity))
            {
                yield return new("error.boundary-kind", boundary.Id,
                    $"{name} is attached to {activity.KindName} '{activity.DisplayName}', which throws no business error: only an Automatic step, an Action, a Nested process or a Sub-process can carry one.");
            }

            if (graph.Incoming(boundary.Id).Count > 0)
            {
                yield return new("boundary.incoming", boundary.Id, $"{name} has a flow leading into it; a boundary event starts from its activity, so no flow may enter it.", graph.Incoming(boundary.Id)[0].Id);
            }

            if (graph.Outgoing(boundary.Id).Count == 0)
            {
                yield return new("boundary.outgoing-missing", boundary.Id, $"{name} has no outgoing flow: when it catches an error, the process would have nowhere to go.");
            }
        }

        foreach (var group in boundaries.GroupBy(b => (b.AttachedToId, b.Error?.Code)).Where(g => g.Count() > 1))
        {
            var second = group.Skip(1).First();
            var what = group.Key.Code is null ? "every error (neither names an error code)" : $"the error code '{group.Key.Code}'";
            yield return new("error.boundary-duplicate", second.Id,
                $"Error boundaries '{group.First().DisplayName}' and '{second.DisplayName}' on the same activity both catch {what}; only the first would ever catch it.");
        }

        foreach (var end in map.Points.OfType<EndPoint>().Where(e => e.Error is not null))
        {
            yield return new ValidationProblem("error.end-top-level", end.Id,
                $"Error end '{end.DisplayName}' throws the error '{end.Error!.DisplayName}': only an error event sub-process of its scope, or an error boundary on the Nested process or sub-process it runs in, can catch it; where nothing catches it reaching it is an incident.")
                .AsWarning();
        }
    }
}
