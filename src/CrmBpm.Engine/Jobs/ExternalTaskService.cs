using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Persistence;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Jobs;

/// <summary>
/// Default <see cref="IExternalTaskService"/>. Fetching leases jobs in the store in one statement (as the timer service does,
/// under the worker's id); every report is a command that first checks the worker still holds the lease, then records the
/// outcome on the waiting token exactly as the job executor records a handler's (<see cref="JobRunner"/>).
/// </summary>
internal sealed class ExternalTaskService(IWorkflowStore store, CommandRunner runner, JobRunner jobs, TimeProvider clock) : IExternalTaskService
{
    /// <summary>The most tasks one fetch locks, and the longest lock, whatever the worker asks.</summary>
    internal const int MaxTasksPerFetch = 100;

    internal static readonly TimeSpan MaxLock = TimeSpan.FromDays(1);

    public async Task<IReadOnlyList<ExternalTask>> FetchAndLockAsync(ExternalTaskFetch fetch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        RequireWorker(fetch.WorkerId);
        if (fetch.Topics is not { Count: > 0 } || fetch.Topics.Any(string.IsNullOrWhiteSpace))
        {
            throw new InputException("external-task.topics", "topics", "Name at least one topic to fetch tasks of, none blank.");
        }

        if (fetch.MaxTasks is < 1 or > MaxTasksPerFetch)
        {
            throw new InputException("external-task.max-tasks", "maxTasks", $"Ask for 1 to {MaxTasksPerFetch} tasks.");
        }

        RequireDuration(fetch.LockDuration, "lockDuration");
        var now = clock.GetUtcNow();
        var locked = await store.LeaseExternalTasksAsync(now, fetch.WorkerId, [.. fetch.Topics.Distinct(StringComparer.Ordinal)], now + fetch.LockDuration, fetch.MaxTasks, cancellationToken).ConfigureAwait(false);
        var tasks = new List<ExternalTask>(locked.Count);
        foreach (var job in locked)
        {
            var instance = await store.FindInstanceAsync(job.InstanceId, cancellationToken).ConfigureAwait(false);
            var step = instance is { Status: InstanceStatus.Active or InstanceStatus.Incident } ? await jobs.FindStepAsync(instance, job, cancellationToken).ConfigureAwait(false) : null;
            if (step is null)
            {
                // A suspended instance's task waits for the resume (its lock runs out); one whose token moved on is left to its lease.
                continue;
            }

            tasks.Add(new ExternalTask
            {
                Id = job.Id,
                Topic = job.Topic!,
                WorkerId = fetch.WorkerId,
                LockExpiresAt = job.LeaseUntil ?? now + fetch.LockDuration,
                Variables = instance!.Variables,
                InstanceId = instance.Id,
                MapKey = instance.MapKey,
                PointId = step.Value.Point.Id,
                BusinessKey = instance.BusinessKey,
                Attempt = job.Attempt,
                Retries = job.Retries,
                IdempotencyKey = ServiceJobs.IdempotencyKey(instance.Id, job.TaskId),
            });
        }

        return tasks;
    }

    public Task CompleteAsync(Guid taskId, string workerId, IReadOnlyDictionary<string, object?>? variables = null, CancellationToken cancellationToken = default) =>
        ReportAsync(taskId, workerId, (context, locked) =>
            jobs.ApplyAsync(context, locked.Instance, locked.Map, locked.Token, locked.Point, locked.Job, new JobOutcome.Succeeded(Runtime.Variables.From(variables)), cancellationToken),
            cancellationToken);

    public Task HandleFailureAsync(Guid taskId, string workerId, string errorMessage, int retries, TimeSpan retryTimeout, CancellationToken cancellationToken = default)
    {
        if (retries < 0)
        {
            throw new InputException("external-task.retries", "retries", "Retries left cannot be negative.");
        }

        if (retryTimeout < TimeSpan.Zero || retryTimeout > MaxLock)
        {
            throw new InputException("external-task.retry-timeout", "retryTimeout", $"The retry timeout must be between zero and {MaxLock.TotalDays:0} day.");
        }

        var message = string.IsNullOrWhiteSpace(errorMessage) ? "The worker reported a failure without a message." : errorMessage;
        return ReportAsync(taskId, workerId, (context, locked) =>
        {
            var (instance, token, point, job) = (locked.Instance, locked.Token, locked.Point, locked.Job);
            if (retries > 0)
            {
                // The worker decides the retries (Camunda's contract): a new try, fetchable after the timeout.
                var next = context.Now + retryTimeout;
                context.Session.AddTimer(ServiceJobs.NewExternalJob(instance.Id, token.Id, next, job.Attempt + 1, job.Topic!, retries));
                context.Record(instance, HistoryKind.JobFailed, pointId: point.Id, details: $"attempt {job.Attempt} by worker {workerId}: {message} {retries} retries left, next try at {next:u}.");
            }
            else
            {
                InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.HandlerFailed, $"Automatic step '{point.DisplayName}' (external topic '{job.Topic}') failed {job.Attempt} time(s), no retries left. {message}");
            }

            return Task.CompletedTask;
        }, cancellationToken);
    }

    public Task HandleBpmnErrorAsync(Guid taskId, string workerId, string errorCode, string? errorMessage = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(errorCode))
        {
            throw new InputException("external-task.error-code", "errorCode", "Say which business error the worker met (its code).");
        }

        return ReportAsync(taskId, workerId, (context, locked) =>
            jobs.ApplyAsync(context, locked.Instance, locked.Map, locked.Token, locked.Point, locked.Job, new JobOutcome.BusinessError(errorCode, errorMessage ?? $"Business error '{errorCode}'."), cancellationToken),
            cancellationToken);
    }

    public Task ExtendLockAsync(Guid taskId, string workerId, TimeSpan lockDuration, CancellationToken cancellationToken = default)
    {
        RequireDuration(lockDuration, "lockDuration");
        return ReportAsync(taskId, workerId, (context, locked) =>
        {
            locked.Job.LeaseUntil = context.Now + lockDuration;
            return Task.CompletedTask;
        }, cancellationToken, finishes: false);
    }

    /// <summary>
    /// Runs a worker's report in a command: the task must exist unreported, be locked by <paramref name="workerId"/> and the
    /// lock not run out. A report that finishes the task marks the job done first; one whose token is gone records nothing.
    /// </summary>
    private Task ReportAsync(Guid taskId, string workerId, Func<CommandContext, LockedTask, Task> report, CancellationToken cancellationToken, bool finishes = true)
    {
        RequireWorker(workerId);
        return runner.RunAsync(Actor.System.UserId, async context =>
        {
            var job = await context.Session.GetTimerAsync(taskId, cancellationToken).ConfigureAwait(false);
            if (job is not { Kind: TimerKind.Job, Topic: not null } || job.FiredAt is not null)
            {
                throw new NotFoundException("external-task.not-found", $"External task {taskId} does not exist or was already reported.");
            }

            var instance = await context.Session.GetInstanceAsync(job.InstanceId, cancellationToken).ConfigureAwait(false);
            if (job.LeaseOwner != workerId || job.LeaseUntil is not { } until || until < context.Now)
            {
                throw new ConflictException("external-task.lock-lost",
                    $"Worker '{workerId}' does not hold the lock of external task {taskId}{(job.LeaseOwner is null || job.LeaseOwner == workerId ? " (it ran out)" : "")}; fetch it again.");
            }

            if (instance is { Status: InstanceStatus.Suspended })
            {
                throw new ConflictException("instance.suspended", $"The process of external task {taskId} is suspended; report again after it is resumed.");
            }

            var step = instance is { IsRunning: true } ? await jobs.FindStepAsync(instance, job, cancellationToken).ConfigureAwait(false) : null;
            if (finishes)
            {
                job.FiredAt = context.Now;
            }

            if (step is not { Map: var map, Point: var point })
            {
                job.FiredAt = context.Now; // the instance ended or the step was cancelled meanwhile: the report has nowhere to go
                return 0;
            }

            context.Touch(instance!);
            var token = instance!.Tokens.First(t => t.Id == job.TaskId);
            await report(context, new LockedTask(instance, map, point, token, job)).ConfigureAwait(false);
            return 0;
        }, cancellationToken);
    }

    private static void RequireWorker(string workerId)
    {
        if (string.IsNullOrWhiteSpace(workerId) || workerId.Length > 200)
        {
            throw new InputException("external-task.worker-id", "workerId", "Give the worker's id (1 to 200 characters).");
        }
    }

    private static void RequireDuration(TimeSpan duration, string field)
    {
        if (duration <= TimeSpan.Zero || duration > MaxLock)
        {
            throw new InputException("external-task.lock-duration", field, $"The lock must last more than zero and at most {MaxLock.TotalDays:0} day.");
        }
    }

    private sealed record LockedTask(ProcessInstance Instance, CompiledRouteMap Map, ServicePoint Point, Token Token, TimerRecord Job);
}
