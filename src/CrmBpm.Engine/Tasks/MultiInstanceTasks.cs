using System.Text.Json;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Engine.Tasks;

/// <summary>
/// The tasks of a multi-instance Action after they are created: each finished task (completed, or cancelled by a supervisor)
/// counts as a finished run; the completion condition is evaluated; a sequential action then creates its next item's task.
/// When every run is finished or the condition holds, the tasks still open are cancelled and the token leaves.
/// </summary>
internal sealed class MultiInstanceTasks(InstanceExecutor executor, WorkTaskFactory factory, IExpressionEvaluator expressions)
{
    /// <summary>
    /// <paramref name="task"/> of the action <paramref name="token"/> waits at is done; <paramref name="result"/> holds the
    /// values and outcome its performer gave (null for a cancelled task), seen by the completion condition.
    /// </summary>
    public void TaskDone(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, WorkTask task, IReadOnlyDictionary<string, JsonElement>? result)
    {
        var action = (ActionPoint)map.Point(token.PointId);
        var multi = action.MultiInstance!;
        var loop = token.Loop!;
        var index = task.ItemIndex ?? 0;
        if (loop.CompletedItems.Contains(index))
        {
            return;
        }

        loop = loop with { CompletedItems = [.. loop.CompletedItems, index] };
        var scope = new Dictionary<string, JsonElement>(instance.Variables, StringComparer.Ordinal);
        foreach (var (name, value) in MultiInstanceItems.RunVariables(multi, index, multi.HasCollection ? task.Item : null).Concat(result ?? Variables.None))
        {
            scope[name] = value;
        }

        var (met, code, error) = MultiInstanceItems.CompletionReached(multi, $"Action '{action.DisplayName}'", scope, loop.Total, loop.CompletedItems.Count, loop.Active, expressions);
        var counted = token with { PendingTasks = Math.Max(0, token.PendingTasks - 1), Loop = loop with { ConditionMet = met } };
        InstanceExecutor.Replace(instance, token, counted);
        if (code is not null)
        {
            InstanceExecutor.RaiseIncident(context, instance, counted, code, error!);
            return;
        }

        if (counted.State == TokenState.Waiting)
        {
            InstanceExecutor.Replace(instance, counted, counted with { State = TokenState.Ready });
        }
    }

    /// <summary>
    /// After a run finished (or a retry): when the action is finished its open tasks are cancelled and the token leaves;
    /// a sequential action with no open task creates the next item's; otherwise the token waits.
    /// </summary>
    public async Task AdvanceAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, CancellationToken cancellationToken)
    {
        var action = (ActionPoint)map.Point(token.PointId);
        var loop = token.Loop!;
        if (loop.Finished)
        {
            await ProcessEngine.CancelTasksAsync(context, instance, cancellationToken, t => t.TokenId == token.Id && t.IsActive).ConfigureAwait(false);
            executor.Leave(context, instance, map, token with { State = TokenState.Ready, PendingTasks = 0, Loop = null });
            return;
        }

        var waiting = token with { State = TokenState.Waiting };
        InstanceExecutor.Replace(instance, token, waiting);
        if (action.MultiInstance!.IsSequential && loop.Active == 0 && loop.Started < loop.Total)
        {
            factory.CreateNextTask(context, instance, action, waiting);
        }
    }
}
