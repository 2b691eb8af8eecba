using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>
/// An Action: its boundary waits are prepared, then its tasks are created and the token waits on them (or leaves at once
/// when none is to be done). A multi-instance Action's token coming back Ready with a <see cref="Token.Loop"/> had a task
/// finish: it creates its next task or leaves, its boundary waits staying as they are.
/// </summary>
internal sealed class ActionBehaviour(InstanceExecutor executor, IExpressionEvaluator expressions, WorkTaskFactory taskFactory) : PointBehaviour<ActionPoint>
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, ActionPoint point, CancellationToken cancellationToken)
    {
        if (token.Loop is not null)
        {
            await executor.ActionRuns.AdvanceAsync(context, instance, map, token, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!BoundaryEvents.TryPrepare(context, instance, map, token, point, expressions, out var waits))
        {
            return;
        }

        if (taskFactory.CreateTasks(context, instance, point, token))
        {
            executor.Leave(context, instance, map, token);
        }

        BoundaryEvents.Start(context, instance, token, waits);
    }
}
