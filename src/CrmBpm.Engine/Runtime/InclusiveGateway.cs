using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime;

/// <summary>
/// The join of an inclusive gateway (BPMN 2.0 §13.4.3, as Camunda 7 and Flowable run it). A token arriving at a gateway with
/// two or more incoming flows waits there (<see cref="TokenState.Merging"/>). Once no token of the instance is Ready (every
/// other token waits, is stuck or has ended), a waiting gateway fires when, for every incoming flow without a token, no
/// other token of the instance stands on a point from which that flow can be reached along the map without passing through
/// the gateway itself. Firing consumes one token per incoming flow that holds one and leaves one token that takes the
/// gateway's outgoing flows like a split (see <see cref="InstanceExecutor.Leave"/>).
/// </summary>
/// <remarks>
/// Checking only when no token is Ready makes the answer independent of the order tokens are taken in, and re-checks the
/// gateway whenever anything else moved or ended in the command (a branch that went to an End, a boundary timer that
/// cancelled an activity), as Flowable's inactive-activity operation does. Reachability ignores conditions: a token that
/// might still come is waited for. A token stuck in an incident can still come after a retry, so it is waited for too.
/// </remarks>
internal static class InclusiveGateway
{
    /// <summary>Per compiled map and incoming flow: the points from which the flow can be reached without passing its gateway.</summary>
    private static readonly ConditionalWeakTable<CompiledRouteMap, ConcurrentDictionary<string, HashSet<string>>> Upstream = new();

    /// <summary>True when <paramref name="token"/> now waits to join at <paramref name="gateway"/>; false when the gateway only splits.</summary>
    public static bool Arrive(ProcessInstance instance, CompiledRouteMap map, Token token, InclusivePoint gateway)
    {
        if (map.Incoming(gateway.Id).Count < 2)
        {
            return false;
        }

        InstanceExecutor.Replace(instance, token, token with { State = TokenState.Merging });
        return true;
    }

    /// <summary>
    /// Fires the first waiting gateway that may fire: its joined tokens are replaced by one token that is leaving the gateway
    /// (<see cref="Token.Leaving"/>), returned for the executor to move; null when no gateway may fire.
    /// </summary>
    public static Token? Join(ProcessInstance instance, CompiledRouteMap map)
    {
        var gateways = instance.Tokens
            .Where(t => t.State == TokenState.Merging && map.Point(t.PointId) is InclusivePoint)
            .Select(t => t.PointId)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var gatewayId in gateways)
        {
            if (CanFire(instance, map, gatewayId))
            {
                return Fire(instance, map, gatewayId);
            }
        }

        return null;
    }

    private static bool CanFire(ProcessInstance instance, CompiledRouteMap map, string gatewayId)
    {
        var joined = new HashSet<string>(StringComparer.Ordinal);
        var others = new List<Token>();
        foreach (var token in instance.Tokens)
        {
            if (IsJoining(token, gatewayId))
            {
                joined.Add(token.ArrivedViaFlowId ?? "");
            }
            else
            {
                others.Add(token);
            }
        }

        foreach (var flow in map.Incoming(gatewayId).Where(f => !joined.Contains(f.Id)))
        {
            var upstream = UpstreamOf(map, flow);
            if (others.Any(t => upstream.Contains(t.PointId)))
            {
                return false; // a token can still arrive by this flow
            }
        }

        return true;
    }

    private static Token Fire(ProcessInstance instance, CompiledRouteMap map, string gatewayId)
    {
        var consumed = new List<Token>();
        foreach (var flow in map.Incoming(gatewayId))
        {
            if (instance.Tokens.FirstOrDefault(t => IsJoining(t, gatewayId) && t.ArrivedViaFlowId == flow.Id) is { } arrived)
            {
                consumed.Add(arrived);
            }
        }

        var index = consumed.Min(t => instance.MutableTokens.IndexOf(t));
        foreach (var token in consumed)
        {
            instance.MutableTokens.Remove(token);
        }

        var joined = new Token { Id = Ids.Next(), PointId = gatewayId, Leaving = true };
        instance.MutableTokens.Insert(Math.Min(index, instance.MutableTokens.Count), joined);
        return joined;
    }

    private static bool IsJoining(Token token, string gatewayId) => token.PointId == gatewayId && token.State == TokenState.Merging;

    /// <summary>
    /// The points from which <paramref name="flow"/> can be reached without passing through its gateway: its source and
    /// everything upstream of it, walking flows backwards (and from a boundary event to its activity, where the token waits).
    /// </summary>
    private static HashSet<string> UpstreamOf(CompiledRouteMap map, Flow flow) =>
        Upstream.GetValue(map, _ => new ConcurrentDictionary<string, HashSet<string>>(StringComparer.Ordinal))
            .GetOrAdd(flow.Id, _ =>
            {
                var gatewayId = flow.TargetId;
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var queue = new Queue<string>();
                if (flow.SourceId != gatewayId && seen.Add(flow.SourceId))
                {
                    queue.Enqueue(flow.SourceId);
                }

                while (queue.TryDequeue(out var id))
                {
                    var before = map.Incoming(id).Select(f => f.SourceId);
                    if (map.Point(id) is BoundaryTimerPoint boundary)
                    {
                        before = before.Append(boundary.AttachedToId);
                    }

                    before = before.Concat(LinkEvents.ThrowsInto(map, id)); // a catch link is entered from its throw links

                    foreach (var source in before)
                    {
                        if (source != gatewayId && seen.Add(source))
                        {
                            queue.Enqueue(source);
                        }
                    }
                }

                return seen;
            });
}
