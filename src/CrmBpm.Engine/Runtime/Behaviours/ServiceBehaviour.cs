using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Jobs;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>
/// An Automatic step: its boundary waits are prepared, then the token waits on a job committed with the command; the
/// handler runs after the commit (<see cref="ServiceJobs"/>, <see cref="JobRunner"/>).
/// </summary>
internal sealed class ServiceBehaviour(IExpressionEvaluator expressions) : PointBehaviour<ServicePoint>
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, ServicePoint point, CancellationToken cancellationToken)
    {
        if (BoundaryEvents.TryPrepare(context, instance, map, token, point, expressions, out var waits))
        {
            ServiceJobs.Schedule(context, instance, token, point);
            BoundaryEvents.Start(context, instance, token, waits);
        }

        return Task.CompletedTask;
    }
}
