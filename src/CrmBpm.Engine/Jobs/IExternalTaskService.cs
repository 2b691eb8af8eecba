namespace CrmBpm.Engine.Jobs;

/// <summary>
/// External workers (Camunda's external-task pattern), for code that is not .NET: a step with
/// <see cref="Definitions.ServicePoint.External"/> commits a job that the timer service leaves alone; a worker fetches and locks
/// it by topic, does the work, and completes it, reports a failure or a BPMN error. The lock is the job's lease: when it runs
/// out, another worker may fetch the job, and the first worker's report is refused (<c>external-task.lock-lost</c>).
/// </summary>
public interface IExternalTaskService
{
    /// <summary>Locks up to <see cref="ExternalTaskFetch.MaxTasks"/> due tasks of the topics for the worker; two workers never get the same task.</summary>
    Task<IReadOnlyList<ExternalTask>> FetchAndLockAsync(ExternalTaskFetch fetch, CancellationToken cancellationToken = default);

    /// <summary>The work is done: the variables are set and the token leaves the step.</summary>
    /// <exception cref="Errors.NotFoundException"><c>external-task.not-found</c>: no such task, or it was already reported.</exception>
    /// <exception cref="Errors.ConflictException"><c>external-task.lock-lost</c>: the worker does not hold the lock (any more).</exception>
    Task CompleteAsync(Guid taskId, string workerId, IReadOnlyDictionary<string, object?>? variables = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The work failed. With <paramref name="retries"/> left above zero the task is fetchable again after
    /// <paramref name="retryTimeout"/>; with none left the step becomes an incident carrying <paramref name="errorMessage"/>.
    /// </summary>
    Task HandleFailureAsync(Guid taskId, string workerId, string errorMessage, int retries, TimeSpan retryTimeout, CancellationToken cancellationToken = default);

    /// <summary>A business outcome: the step's error boundary catching <paramref name="errorCode"/> takes over, else an incident naming it.</summary>
    Task HandleBpmnErrorAsync(Guid taskId, string workerId, string errorCode, string? errorMessage = null, CancellationToken cancellationToken = default);

    /// <summary>Keeps the lock for <paramref name="lockDuration"/> from now.</summary>
    Task ExtendLockAsync(Guid taskId, string workerId, TimeSpan lockDuration, CancellationToken cancellationToken = default);
}
