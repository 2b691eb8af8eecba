using CrmBpm.Engine.Jobs;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBpm.Server.Api;

/// <summary>
/// /api/external-tasks: external workers (Camunda's external-task pattern) fetch and lock the jobs of external automatic steps
/// by topic, then complete them, report a failure or a BPMN error, or extend their lock. A report by a worker that no longer
/// holds the lock is 409 (<c>external-task.lock-lost</c>); a task already reported is 404. Worker or Administrator.
/// </summary>
public static class ExternalTasksEndpoints
{
    /// <summary>Maps the external task endpoints.</summary>
    public static RouteGroupBuilder MapExternalTasksEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/external-tasks").WithTags("External tasks").RequireAuthorization(Policies.ExternalWork);
        group.MapPost("/fetch-and-lock", FetchAndLock).WithName("FetchAndLockExternalTasks")
            .WithSummary("Locks up to maxTasks due tasks of the topics for the worker, for lockDuration milliseconds; two workers never get the same task.");
        group.MapPost("/{taskId:guid}/complete", Complete).WithName("CompleteExternalTask")
            .WithSummary("The work is done: sets the variables and moves the process on. 409 when the worker does not hold the lock.");
        group.MapPost("/{taskId:guid}/failure", Failure).WithName("ReportExternalTaskFailure")
            .WithSummary("The work failed: with retries left the task comes back after retryTimeout milliseconds; with 0 it becomes an incident with the message.");
        group.MapPost("/{taskId:guid}/bpmn-error", BpmnError).WithName("ReportExternalTaskBpmnError")
            .WithSummary("A business error: the step's error boundary catching errorCode takes over, else an incident naming it.");
        group.MapPost("/{taskId:guid}/extend-lock", ExtendLock).WithName("ExtendExternalTaskLock")
            .WithSummary("Keeps the lock for newDuration milliseconds from now.");
        return api;
    }

    /// <summary>Fetch and lock.</summary>
    public static async Task<Ok<IReadOnlyList<ExternalTaskDto>>> FetchAndLock(FetchExternalTasksRequest request, IExternalTaskService workers, CancellationToken cancellationToken)
    {
        new Check().Required(request.WorkerId, "workerId")
            .That(request.Topics is { Count: > 0 }, "topics", "Name at least one topic.")
            .That(request.MaxTasks is null or (> 0 and <= 100), "maxTasks", "maxTasks must be between 1 and 100.")
            .That(request.LockDuration is > 0 and <= MaxMilliseconds, "lockDuration", "lockDuration is required, in milliseconds, at most one day.")
            .ThrowIfAny();
        var tasks = await workers.FetchAndLockAsync(
            new ExternalTaskFetch(request.WorkerId!, request.Topics!, request.MaxTasks ?? 1, TimeSpan.FromMilliseconds(request.LockDuration!.Value)), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ExternalTaskDto>>([.. tasks.Select(ExternalTaskDto.From)]);
    }

    /// <summary>Complete.</summary>
    public static async Task<NoContent> Complete(Guid taskId, CompleteExternalTaskRequest request, IExternalTaskService workers, CancellationToken cancellationToken)
    {
        new Check().Required(request.WorkerId, "workerId").ThrowIfAny();
        await workers.CompleteAsync(taskId, request.WorkerId!, Variables.From(request.Variables), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Failure.</summary>
    public static async Task<NoContent> Failure(Guid taskId, ExternalTaskFailureRequest request, IExternalTaskService workers, CancellationToken cancellationToken)
    {
        new Check().Required(request.WorkerId, "workerId")
            .MaxLength(request.ErrorMessage, "errorMessage", 4000)
            .That(request.Retries is >= 0, "retries", "retries (the retries left, 0 for none) is required and cannot be negative.")
            .That(request.RetryTimeout is null or (>= 0 and <= MaxMilliseconds), "retryTimeout", "retryTimeout is in milliseconds, at most one day.")
            .ThrowIfAny();
        await workers.HandleFailureAsync(taskId, request.WorkerId!, request.ErrorMessage ?? "", request.Retries!.Value, TimeSpan.FromMilliseconds(request.RetryTimeout ?? 0), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>BPMN error.</summary>
    public static async Task<NoContent> BpmnError(Guid taskId, ExternalTaskBpmnErrorRequest request, IExternalTaskService workers, CancellationToken cancellationToken)
    {
        new Check().Required(request.WorkerId, "workerId").Required(request.ErrorCode, "errorCode").MaxLength(request.ErrorMessage, "errorMessage", 4000).ThrowIfAny();
        await workers.HandleBpmnErrorAsync(taskId, request.WorkerId!, request.ErrorCode!, request.ErrorMessage, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Extend the lock.</summary>
    public static async Task<NoContent> ExtendLock(Guid taskId, ExtendExternalTaskLockRequest request, IExternalTaskService workers, CancellationToken cancellationToken)
    {
        new Check().Required(request.WorkerId, "workerId")
            .That(request.NewDuration is > 0 and <= MaxMilliseconds, "newDuration", "newDuration is required, in milliseconds, at most one day.")
            .ThrowIfAny();
        await workers.ExtendLockAsync(taskId, request.WorkerId!, TimeSpan.FromMilliseconds(request.NewDuration!.Value), cancellationToken);
        return TypedResults.NoContent();
    }

    private const long MaxMilliseconds = 24L * 60 * 60 * 1000;
}
