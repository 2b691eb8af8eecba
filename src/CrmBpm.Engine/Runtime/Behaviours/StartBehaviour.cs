using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>A Start: the scope's event sub-processes start listening, then the token leaves.</summary>
internal sealed class StartBehaviour(InstanceExecutor executor, IExpressionEvaluator expressions) : PointBehaviour<StartPoint>
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, StartPoint point, CancellationToken cancellationToken)
    {
        // The scope's event sub-processes listen from its start on (a failing timer or key: an incident here, retried).
        if (EventSubProcesses.TryListen(context, instance, map, token, expressions))
        {
            executor.Leave(context, instance, map, token);
        }

        return Task.CompletedTask;
    }
}
