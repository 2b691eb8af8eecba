using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Runtime;

/// <summary>The event-based gateway: waiting for every following catch event at once, and passing through the first that fires.</summary>
internal sealed partial class InstanceExecutor
{
    /// <summary>
    /// Makes the token wait at the gateway under one wait per following catch event (<see cref="TimerRecord.PointId"/> names the
    /// event). Every wait is computed first: one that cannot be (a timer or correlation key expression that fails, a target that
    /// is not a catch event) is an incident at the gateway with nothing committed.
    /// </summary>
    private void WaitAtEventGateway(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, EventGatewayPoint gateway)
    {
        var waits = new List<TimerRecord>();
        foreach (var flow in map.Outgoing(gateway.Id))
        {
            var target = map.Point(flow.TargetId);
            string? error = null;
            switch (target)
            {
                case TimerWaitPoint timer when TimerEvents.DueAt(context.Now, context.Calendar, timer.Timer, instance.Variables, expressions, out error) is { } due:
                    waits.Add(new TimerRecord { InstanceId = instance.Id, TaskId = token.Id, PointId = target.Id, Kind = TimerKind.TimerEvent, DueAt = due, Attempt = 1 });
                    continue;
                case MessageWaitPoint { IsReceiveTask: false } message when EventSubscriptions.TryCorrelationKey(message.CorrelationKey, instance.Variables, expressions, out var key, out error):
                    waits.Add(EventSubscriptions.New(instance, token.Id, TimerKind.MessageSubscription, message.MessageName, key, target.Id));
                    continue;
                case SignalWaitPoint signal:
                    waits.Add(EventSubscriptions.New(instance, token.Id, TimerKind.SignalSubscription, signal.SignalName, null, target.Id));
                    continue;
            }

            RaiseIncident(context, instance, token, error is null ? IncidentCodes.PointNotExecutable : target is TimerWaitPoint ? IncidentCodes.TimerUnreadable : IncidentCodes.CorrelationKeyFailed, error is null
                ? $"{gateway.KindName} '{gateway.DisplayName}' leads to {target.KindName} '{target.DisplayName}', which is not a catch event to wait for."
                : $"{gateway.KindName} '{gateway.DisplayName}': {target.KindName} '{target.DisplayName}' {error}");
            return;
        }

        Replace(instance, token, token with { State = TokenState.Waiting });
        BoundaryEvents.Start(context, instance, instance.Tokens.First(t => t.Id == token.Id), waits);
    }

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
