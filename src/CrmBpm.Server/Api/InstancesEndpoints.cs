using CrmBpm.Engine;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBpm.Server.Api;

/// <summary>
/// /api/instances: start, state, history, tasks; suspend, resume, terminate and retry (Consultant, Administrator). Every
/// call goes through <see cref="InstanceAccess"/>: an instance follows its subject and participants, and one the caller
/// may not see answers 404 like a missing one.
/// </summary>
public static class InstancesEndpoints
{
    /// <summary>Maps the instance endpoints.</summary>
    public static RouteGroupBuilder MapInstancesEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/instances").WithTags("Instances");
        group.MapPost("/", StartInstance).WithName("StartInstance").WithSummary("Starts the latest published (or the given) version of a route map.");
        group.MapGet("/{instanceId:guid}", GetInstance).WithName("GetInstance").WithSummary("State, tokens and variables of an instance.");
        group.MapGet("/{instanceId:guid}/history", GetInstanceHistory).WithName("GetInstanceHistory").WithSummary("Every token move and task action, in order.");
        group.MapGet("/{instanceId:guid}/tasks", GetInstanceTasks).WithName("GetInstanceTasks").WithSummary("The tasks of an instance, oldest first.");
        group.MapPost("/{instanceId:guid}/suspend", SuspendInstance).WithName("SuspendInstance").RequireAuthorization(Policies.Design)
            .WithSummary("Pauses the instance and its nested instances.");
        group.MapPost("/{instanceId:guid}/resume", ResumeInstance).WithName("ResumeInstance").RequireAuthorization(Policies.Design)
            .WithSummary("Resumes a suspended instance.");
        group.MapPost("/{instanceId:guid}/terminate", TerminateInstance).WithName("TerminateInstance").RequireAuthorization(Policies.Design)
            .WithSummary("Stops the instance and cancels its tasks.");
        group.MapPost("/{instanceId:guid}/retry", RetryInstance).WithName("RetryInstance").RequireAuthorization(Policies.Design)
            .WithSummary("Sets variables (fixing an incident's cause) and retries every stuck token.");
        return api;
    }

    /// <summary>Start.</summary>
    public static async Task<Created<InstanceDto>> StartInstance(
        StartInstanceRequest request, IProcessEngine engine, WorkScope work, InstanceAccess access, CancellationToken cancellationToken)
    {
        new Check().Required(request.MapKey, "mapKey")
            .That(request.Version is null or > 0, "version", "version must be 1 or more.")
            .That((request.SubjectType is null) == (request.SubjectId is null), "subjectId", "subjectType and subjectId go together.")
            .MaxLength(request.BusinessKey, "businessKey", 200).ThrowIfAny();
        var subject = request.SubjectType is null ? null : new SubjectReference(request.SubjectType, request.SubjectId!);
        await access.EnsureMayStartAsync(request.MapKey!, subject, cancellationToken);
        var instance = await engine.StartAsync(request.MapKey!, new StartOptions
        {
            Version = request.Version,
            Variables = Variables.From(request.Variables),
            Subject = subject,
            BusinessKey = request.BusinessKey,
            StartedBy = work.User.Id,
        }, cancellationToken);
        return TypedResults.Created($"/api/instances/{instance.Id}", InstanceDto.From(instance));
    }

    /// <summary>State.</summary>
    public static async Task<Ok<InstanceDto>> GetInstance(Guid instanceId, InstanceAccess access, CancellationToken cancellationToken) =>
        TypedResults.Ok(InstanceDto.From(await access.GetVisibleAsync(instanceId, cancellationToken)));

    /// <summary>History.</summary>
    public static async Task<Ok<PagedList<HistoryEntry>>> GetInstanceHistory(
        Guid instanceId, IProcessEngine engine, InstanceAccess access, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        await access.GetVisibleAsync(instanceId, cancellationToken);
        return TypedResults.Ok(paging.Apply(await engine.GetHistoryAsync(instanceId, cancellationToken)));
    }

    /// <summary>Tasks.</summary>
    public static async Task<Ok<PagedList<TaskDto>>> GetInstanceTasks(
        Guid instanceId, InstanceAccess access, TimeProvider clock, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        await access.GetVisibleAsync(instanceId, cancellationToken);
        var now = clock.GetUtcNow();
        // Only the tasks GET /api/tasks/{id} would show too: seeing a deal's process does not open the accountant's task.
        return TypedResults.Ok(paging.Apply((await access.VisibleTasksOfAsync(instanceId, cancellationToken)).Select(t => TaskDto.From(t, now))));
    }

    /// <summary>Suspend.</summary>
    public static async Task<Ok<InstanceDto>> SuspendInstance(Guid instanceId, IProcessEngine engine, WorkScope work, InstanceAccess access, CancellationToken cancellationToken)
    {
        await access.GetOperableAsync(instanceId, cancellationToken);
        return TypedResults.Ok(InstanceDto.From(await engine.SuspendAsync(instanceId, work.User.Id, cancellationToken)));
    }

    /// <summary>Resume.</summary>
    public static async Task<Ok<InstanceDto>> ResumeInstance(Guid instanceId, IProcessEngine engine, WorkScope work, InstanceAccess access, CancellationToken cancellationToken)
    {
        await access.GetOperableAsync(instanceId, cancellationToken);
        return TypedResults.Ok(InstanceDto.From(await engine.ResumeAsync(instanceId, work.User.Id, cancellationToken)));
    }

    /// <summary>Terminate.</summary>
    public static async Task<Ok<InstanceDto>> TerminateInstance(
        Guid instanceId, TerminateInstanceRequest? request, IProcessEngine engine, WorkScope work, InstanceAccess access, CancellationToken cancellationToken)
    {
        new Check().MaxLength(request?.Reason, "reason", 4000).ThrowIfAny();
        await access.GetOperableAsync(instanceId, cancellationToken);
        return TypedResults.Ok(InstanceDto.From(await engine.TerminateAsync(instanceId, request?.Reason, work.User.Id, cancellationToken)));
    }

    /// <summary>Retry.</summary>
    public static async Task<Ok<InstanceDto>> RetryInstance(
        Guid instanceId, RetryInstanceRequest? request, IProcessEngine engine, WorkScope work, InstanceAccess access, CancellationToken cancellationToken)
    {
        await access.GetOperableAsync(instanceId, cancellationToken);
        return TypedResults.Ok(InstanceDto.From(await engine.RetryIncidentAsync(instanceId, Variables.From(request?.Variables), work.User.Id, cancellationToken)));
    }
}
