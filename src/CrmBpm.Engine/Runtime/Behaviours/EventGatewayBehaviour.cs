using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>
/// A Wait for first event (an event-based gateway): the token waits on every following catch event at once; the first to
/// fire takes it through (<see cref="InstanceExecutor.PassEventGateway"/>).
/// </summary>
internal sealed class EventGatewayBehaviour(IExpressionEvaluator expressions) : PointBehaviour<EventGatewayPoint>
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, EventGatewayPoint point, CancellationToken cancellationToken)
    {
        Wait(context, instance, map, token, point);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Makes the token wait at the gateway under one wait per following catch event (<see cref="TimerRecord.PointId"/> names the
    /// event). Every wait is computed first: one that cannot be (a timer or correlation key expression that fails, a target that
    /// is not a catch event) is an incident at the gateway with nothing committed.
    /// </summary>
    private void Wait(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, EventGatewayPoint gateway)
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

            InstanceExecutor.RaiseIncident(context, instance, token, error is null ? IncidentCodes.PointNotExecutable : target is TimerWaitPoint ? IncidentCodes.TimerUnreadable : IncidentCodes.CorrelationKeyFailed, error is null
                ? $"{gateway.KindName} '{gateway.DisplayName}' leads to {target.KindName} '{target.DisplayName}', which is not a catch event to wait for."
                : $"{gateway.KindName} '{gateway.DisplayName}': {target.KindName} '{target.DisplayName}' {error}");
            return;
        }

        InstanceExecutor.Replace(instance, token, token with { State = TokenState.Waiting });
        BoundaryEvents.Start(context, instance, instance.Tokens.First(t => t.Id == token.Id), waits);
    }
}
