using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>From every point an End can be reached: a point with no way out, or a loop with no exit, strands the process.</summary>
public sealed class DeadEndRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var graph = new MapGraph(map);
        var canFinish = graph.Reach(map.Points.OfType<EndPoint>().Select(e => e.Id), backwards: true);
        // A boundary event or an event sub-process is outside the sequence flow (NotRunYetRule refuses it anyway).
        foreach (var point in map.Points.Where(p => p is not EndPoint and not StartPoint && !(p is KeptPoint kept && kept.IsOutsideTheFlow()) && p is not SubProcessPoint { TriggeredByEvent: true }))
        {
            if (point is LinkThrowPoint && graph.JumpTarget(point.Id) is null)
            {
                // A throw link leaves by its catch link; one without is its own rule's to report (link.catch-missing).
                continue;
            }

            if (graph.Outgoing(point.Id).Count == 0 && point is not LinkThrowPoint)
            {
                // A boundary event without a flow out is its own rule's to report (boundary.outgoing-missing).
                if (point is not IBoundaryEvent)
                {
                    yield return new("point.dead-end", point.Id, $"{point.KindName} '{point.DisplayName}' is a dead end: no flow leaves it, so the process would stop there without finishing.");
                }
            }
            else if (!canFinish.Contains(point.Id))
            {
                yield return new("point.no-way-to-end", point.Id, $"From {point.KindName} '{point.DisplayName}' no End can be reached; the process would loop forever.");
            }
        }
    }
}
