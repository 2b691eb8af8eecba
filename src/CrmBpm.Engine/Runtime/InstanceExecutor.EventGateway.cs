using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime.Behaviours;

namespace CrmBpm.Engine.Runtime;

/// <summary>The event-based gateway: passing through the first of its events that fires (<see cref="EventGatewayBehaviour"/> sets up the waits).</summary>
internal sealed partial class InstanceExecutor
{
    /// <summary>
    /// The first of the gateway's events fired: the other waits are removed, and the token goes through the event that fired
    /// (along the flow to it) and leaves it by its outgoing flows.
    /// </summary>
    public void PassEventGateway(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, EventGatewayPoint gateway, Point target)
    {
        context.Session.RemoveTimersOfTask(token.Id);
        var flow = map.Outgoing(gateway.Id).First(f => f.TargetId == target.Id);
        var through = new Token { Id = Ids.Next(), PointId = target.Id, ArrivedViaFlowId = flow.Id };
        Replace(instance, token, through);
        RecordMove(context, instance, map, gateway.Id, flow);
        Leave(context, instance, map, through);
    }
}
