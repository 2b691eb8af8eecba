using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Engine.Tasks;

/// <summary>A person reports a business error on their task: the Action's error boundary takes over.</summary>
internal sealed partial class TaskService
{
    public Task<WorkTask> ThrowErrorAsync(Guid taskId, Actor actor, string errorCode, string? message = null, CancellationToken cancellationToken = default) =>
        ActAsync(taskId, actor, async (context, instance, task) =>
        {
            if (string.IsNullOrWhiteSpace(errorCode))
            {
                throw new InputException("task.error-code", "errorCode", "Say which business error to report (its code).");
            }

            EnsureMayWork(task, actor);
            var map = await catalog.GetAsync(instance.MapKey, instance.MapVersion, cancellationToken).ConfigureAwait(false);
            var token = instance.Tokens.FirstOrDefault(t => t.Id == task.TokenId && t.State == TokenState.Waiting);
            if (token is null || (ErrorEvents.FindCatcher(map, task.PointId, errorCode) is null && EventSubProcesses.ErrorCatcher(map, errorCode) is null))
            {
                // Refused rather than an incident: the person can still complete the task, and the map has no answer to the error.
                throw new ConflictException("task.error-not-caught",
                    $"No error boundary of '{map.Point(task.PointId).DisplayName}' catches the error '{errorCode}'; complete the task instead, or add an error boundary for it to the map.");
            }

            context.Record(instance, HistoryKind.ErrorThrown, pointId: task.PointId, taskId: task.Id, details: $"'{errorCode}'{(message is null ? "" : $": {message}")}");
            await ErrorEvents.TryCatchAsync(context, executor, instance, map, token, errorCode, message, cancellationToken).ConfigureAwait(false);
            await executor.RunAsync(context, instance, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
}
