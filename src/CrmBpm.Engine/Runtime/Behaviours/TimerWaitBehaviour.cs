using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>A Wait for time: the token waits on a timer due at its duration, date or expression (<see cref="TimerEvents"/>).</summary>
internal sealed class TimerWaitBehaviour(IExpressionEvaluator expressions) : PointBehaviour<TimerWaitPoint>
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, TimerWaitPoint point, CancellationToken cancellationToken)
    {
        TimerEvents.Schedule(context, instance, token, point, expressions);
        return Task.CompletedTask;
    }
}
