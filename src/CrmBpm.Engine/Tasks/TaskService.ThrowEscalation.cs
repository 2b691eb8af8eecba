using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Engine.Tasks;

/// <summary>A person raises an escalation on their task: the Action's escalation boundary, or a catch further up, takes it.</summary>
internal sealed partial class TaskService
{
    public Task<WorkTask> ThrowEscalationAsync(Guid taskId, Actor actor, string escalationCode, CancellationToken cancellationToken = default) =>
        ActAsync(taskId, actor, async (context, instance, task) =>
        {
            if (string.IsNullOrWhiteSpace(escalationCode))
            {
                throw new InputException("task.escalation-code", "escalationCode", "Say which escalation to raise (its code).");
            }

            EnsureMayWork(task, actor);
            var map = await catalog.GetAsync(instance.MapKey, instance.MapVersion, cancellationToken).ConfigureAwait(false);
            var token = instance.Tokens.FirstOrDefault(t => t.Id == task.TokenId && t.State == TokenState.Waiting);
            if (token is null || !await executor.EscalateFromTaskAsync(context, instance, map, token, task.Id, escalationCode, cancellationToken).ConfigureAwait(false))
            {
                // Refused rather than ignored: a person asking for help that nobody's map answers should hear so.
                throw new ConflictException("task.escalation-not-caught",
                    $"Nothing catches the escalation '{escalationCode}' raised on '{map.Point(task.PointId).DisplayName}': no escalation boundary of it, and no escalation event sub-process or boundary around it. Complete the task instead, or add an escalation boundary for it to the map.");
            }

            await executor.RunAsync(context, instance, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
}
