using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// An event-based gateway leads by at least two flows, without conditions, each to a catch event (a Wait for message, time or
/// signal): the first of them to fire is the way taken, so there must be a choice and nothing else to wait for.
/// </summary>
public sealed class EventGatewayRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var graph = new MapGraph(map);
        foreach (var gateway in map.Points.OfType<EventGatewayPoint>())
        {
            var outgoing = graph.Outgoing(gateway.Id);
            if (outgoing.Count < 2)
            {
                yield return new("eventgateway.too-few-flows", gateway.Id,
                    $"{gateway.KindName} '{gateway.DisplayName}' has {outgoing.Count} outgoing flow(s); it needs at least two, each to an event to wait for.");
            }

            foreach (var flow in outgoing)
            {
                if (map.FindPoint(flow.TargetId) is { } target && !EventGatewayPoint.CanFollow(target))
                {
                    yield return new("eventgateway.target-kind", gateway.Id,
                        $"{gateway.KindName} '{gateway.DisplayName}' leads to {target.KindName} '{target.DisplayName}'; it may lead only to a Wait for message, Wait for time or Wait for signal.", flow.Id);
                }
            }
        }
    }
}
