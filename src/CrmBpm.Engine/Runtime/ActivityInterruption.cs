namespace CrmBpm.Engine.Runtime;

/// <summary>
/// What an interrupting boundary event (a timer, a message, a signal, an error) does to the activity it sits on before its own token leaves:
/// the activity's open tasks are cancelled, its nested instance (every one of a multi-instance) is terminated with everything below it (without the
/// incident a nested instance terminated on its own leaves), and its pending timers and jobs are removed.
/// </summary>
internal static class ActivityInterruption
{
    public static async Task CancelAsync(CommandContext context, ProcessInstance instance, Token token, string reason, CancellationToken cancellationToken)
    {
        await ProcessEngine.CancelTasksAsync(context, instance, cancellationToken, task => task.TokenId == token.Id).ConfigureAwait(false);
        // A multi-instance activity has a child per run started so far.
        IReadOnlyList<Guid> children = token.Loop?.Children ?? (token.ChildInstanceId is { } single ? [single] : []);
        foreach (var childId in children)
        {
            if (await context.Session.GetInstanceAsync(childId, cancellationToken).ConfigureAwait(false) is { } child)
            {
                await ProcessEngine.ForTreeAsync(context, child, i => i.Status is not (InstanceStatus.Completed or InstanceStatus.Terminated),
                    i => ProcessEngine.TerminateOne(context, i, reason), cancellationToken).ConfigureAwait(false);
            }
        }

        context.Session.RemoveTimersOfTask(token.Id);
    }
}
