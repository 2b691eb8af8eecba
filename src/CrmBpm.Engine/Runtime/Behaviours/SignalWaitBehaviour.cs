using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>A Wait for signal: the token waits on a signal subscription of its name, until a broadcast of it (<see cref="InstanceExecutor.BroadcastAsync"/>).</summary>
internal sealed class SignalWaitBehaviour : PointBehaviour<SignalWaitPoint>
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, SignalWaitPoint point, CancellationToken cancellationToken)
    {
        InstanceExecutor.Replace(instance, token, token with { State = TokenState.Waiting });
        InstanceExecutor.AddSubscription(context, instance, EventSubscriptions.New(instance, token.Id, TimerKind.SignalSubscription, point.SignalName, null, null), point.Id);
        return Task.CompletedTask;
    }
}
