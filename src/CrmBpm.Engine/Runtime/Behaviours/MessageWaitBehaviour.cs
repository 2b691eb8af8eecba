using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>
/// A Wait for message (an intermediate message catch event or a receive task): its boundary waits are prepared, then the
/// token waits on a message subscription of its name and correlation key, until a message is delivered to it
/// (<see cref="InstanceExecutor.DeliverAsync"/>).
/// </summary>
internal sealed class MessageWaitBehaviour(IExpressionEvaluator expressions) : PointBehaviour<MessageWaitPoint>
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, MessageWaitPoint point, CancellationToken cancellationToken)
    {
        if (BoundaryEvents.TryPrepare(context, instance, map, token, point, expressions, out var waits))
        {
            Subscribe(context, instance, token, point);
            BoundaryEvents.Start(context, instance, token, waits);
        }

        return Task.CompletedTask;
    }

    /// <summary>Makes the token wait at the message wait; a correlation key that cannot be evaluated is an incident there.</summary>
    private void Subscribe(CommandContext context, ProcessInstance instance, Token token, MessageWaitPoint point)
    {
        if (!EventSubscriptions.TryCorrelationKey(point.CorrelationKey, instance.Variables, expressions, out var key, out var error))
        {
            InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.CorrelationKeyFailed, $"{point.KindName} '{point.DisplayName}': {error}");
            return;
        }

        InstanceExecutor.Replace(instance, token, token with { State = TokenState.Waiting });
        InstanceExecutor.AddSubscription(context, instance, EventSubscriptions.New(instance, token.Id, TimerKind.MessageSubscription, point.MessageName, key, null), point.Id);
    }
}
