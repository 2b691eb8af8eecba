using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Jobs;

/// <summary>What reaching an automatic step does inside a command: the token waits and a job is recorded, nothing runs.</summary>
internal static class ServiceJobs
{
    /// <summary>
    /// The token waits at the step and a job due now is added to the command's unit of work, so it commits with the
    /// command or not at all; the handler runs after the commit (<see cref="JobRunner"/>).
    /// </summary>
    public static void Schedule(CommandContext context, ProcessInstance instance, Token token, ServicePoint point)
    {
        InstanceExecutor.Replace(instance, token, token with { State = TokenState.Waiting });
        context.Session.AddTimer(NewJob(instance.Id, token.Id, context.Now, attempt: 1));
        context.ScheduledJob = true;
        context.Record(instance, HistoryKind.JobScheduled, pointId: point.Id, details: point.Handler);
    }

    public static TimerRecord NewJob(Guid instanceId, Guid tokenId, DateTimeOffset dueAt, int attempt) =>
        new() { InstanceId = instanceId, TaskId = tokenId, Kind = TimerKind.Job, DueAt = dueAt, Attempt = attempt };

    /// <summary>
    /// The key a handler is given: the instance and the token waiting at the step. The token keeps its id through retries and
    /// incident retries, and a new visit of the step (a loop) is a new token, so the key is stable per job and only per job.
    /// </summary>
    public static string IdempotencyKey(Guid instanceId, Guid tokenId) => $"{instanceId:N}:{tokenId:N}";
}
