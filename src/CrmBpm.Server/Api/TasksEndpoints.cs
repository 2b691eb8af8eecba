using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;
using CrmBpm.Server.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBpm.Server.Api;

/// <summary>/api/tasks: My tasks (mine and my pools'), the team's tasks for a Head, and the task actions.</summary>
public static class TasksEndpoints
{
    /// <summary>Maps the task endpoints.</summary>
    public static RouteGroupBuilder MapTasksEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tasks").WithTags("Tasks").RequireAuthorization(Policies.Work);
        group.MapGet("/", ListTasks).WithName("ListTasks")
            .WithSummary("My tasks: held by me or open in my pools, and those of the people I substitute for now (onBehalfOf names them; scope=team: my team's), by deadline or sort (descending=true reverses), paginated. view=Postponed: only the tasks postponed beyond now; view=Done: the tasks I completed, newest first.");
        group.MapGet("/{taskId:guid}", GetTask).WithName("GetTask").WithSummary("A task of mine, my pools' or my team's.");
        group.MapPost("/{taskId:guid}/accept", AcceptTask).WithName("AcceptTask").WithSummary("Takes the task into work; a pool task becomes mine.");
        group.MapPost("/{taskId:guid}/complete", CompleteTask).WithName("CompleteTask").WithSummary("Completes the task with an outcome and form values; the process moves on.");
        group.MapPost("/{taskId:guid}/redirect", RedirectTask).WithName("RedirectTask").WithSummary("Hands the task to another user with a comment.");
        group.MapPost("/{taskId:guid}/postpone", PostponeTask).WithName("PostponeTask").WithSummary("Hides the task from My tasks until a date.");
        group.MapPost("/{taskId:guid}/bring-back", BringBackTask).WithName("BringBackTask").WithSummary("Brings a postponed task back into My tasks now, before its date.");
        group.MapPost("/{taskId:guid}/return-to-pool", ReturnTaskToPool).WithName("ReturnTaskToPool").WithSummary("Puts a role task back into its pool.");

        // Tasks of Actions without any performer are in nobody's My tasks: Heads and Administrators hand them over.
        var unassigned = api.MapGroup("/tasks/unassigned").WithTags("Tasks").RequireAuthorization(Policies.Supervise);
        unassigned.MapGet("/", ListUnassignedTasks).WithName("ListUnassignedTasks")
            .WithSummary("The Unassigned list (Head, Administrator): active tasks whose Action has no performer, by deadline, paginated.");
        unassigned.MapPost("/{taskId:guid}/redirect", HandOverUnassignedTask).WithName("HandOverUnassignedTask")
            .WithSummary("Hands an unassigned task to a user (toUserId) or a pool (toRole, optionally addressingObject), with a comment; recorded in the history.");
        return api;
    }

    /// <summary>My tasks or the team's.</summary>
    public static async Task<Ok<PagedList<TaskDto>>> ListTasks(
        VisibleTasks visible, WorkScope work, TimeProvider clock,
        TaskScope? scope, string? subjectType, string? subjectId, string? mapKey, DateTimeOffset? dueBefore, bool? includePostponed,
        TaskView? view, TaskSort? sort, bool? descending, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        var now = clock.GetUtcNow();
        var tasks = view == TaskView.Done
            ? await visible.DoneAsync(scope ?? TaskScope.Mine, paging.Page, paging.PageSize, cancellationToken)
            : await visible.PageAsync(scope ?? TaskScope.Mine, new TaskQuery
            {
                Actor = work.User.Actor, SubjectType = subjectType, SubjectId = subjectId, MapKey = mapKey, DueBefore = dueBefore,
                IncludePostponed = includePostponed ?? false, OnlyPostponed = view == TaskView.Postponed,
                Sort = sort ?? TaskSort.Deadline, Descending = descending ?? false, Page = paging.Page, PageSize = paging.PageSize,
            }, cancellationToken: cancellationToken);
        var actor = await work.ActorAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<TaskDto>([.. tasks.Items.Select(t => TaskDto.From(t, now, actor))], paging.Page, paging.PageSize, tasks.TotalCount));
    }

    /// <summary>One task.</summary>
    public static async Task<Ok<TaskDto>> GetTask(Guid taskId, ITaskService tasks, WorkScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var task = await tasks.GetAsync(taskId, cancellationToken);
        return await scope.CanSeeTaskAsync(task, cancellationToken)
            ? TypedResults.Ok(TaskDto.From(task, clock.GetUtcNow(), await scope.ActorAsync(cancellationToken)))
            : throw scope.TaskNotYours(task);
    }

    /// <summary>Accept.</summary>
    public static async Task<Ok<TaskDto>> AcceptTask(Guid taskId, ITaskService tasks, WorkScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = await scope.ActorForAsync(await tasks.GetAsync(taskId, cancellationToken), cancellationToken);
        return TypedResults.Ok(TaskDto.From(await tasks.AcceptAsync(taskId, actor, cancellationToken), clock.GetUtcNow(), actor));
    }

    /// <summary>Complete.</summary>
    public static async Task<Ok<TaskDto>> CompleteTask(Guid taskId, CompleteTaskRequest? request, ITaskService tasks, WorkScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        new Check().MaxLength(request?.Outcome, "outcome", 200).ThrowIfAny();
        var actor = await scope.ActorForAsync(await tasks.GetAsync(taskId, cancellationToken), cancellationToken);
        var completed = await tasks.CompleteAsync(taskId, actor, new TaskCompletion { Outcome = request?.Outcome, Variables = Variables.From(request?.Variables) }, cancellationToken);
        return TypedResults.Ok(TaskDto.From(completed, clock.GetUtcNow(), actor));
    }

    /// <summary>Redirect.</summary>
    public static async Task<Ok<TaskDto>> RedirectTask(Guid taskId, RedirectTaskRequest request, ITaskService tasks, WorkScope scope, UserDirectory directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        new Check().Required(request.ToUserId, "toUserId").MaxLength(request.Comment, "comment", 4000).ThrowIfAny();
        new Check().That(await directory.FindAsync(request.ToUserId!, cancellationToken) is not null, "toUserId", $"There is no user '{request.ToUserId}'.").ThrowIfAny();
        var actor = await scope.ActorForAsync(await tasks.GetAsync(taskId, cancellationToken), cancellationToken);
        return TypedResults.Ok(TaskDto.From(await tasks.RedirectAsync(taskId, actor, request.ToUserId!, request.Comment, cancellationToken), clock.GetUtcNow()));
    }

    /// <summary>The Unassigned list.</summary>
    public static async Task<Ok<PagedList<UnassignedTaskDto>>> ListUnassignedTasks(UnassignedTaskList list, TimeProvider clock, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        var result = await list.ListAsync(paging.Page, paging.PageSize, cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new PagedList<UnassignedTaskDto>([.. result.Rows.Select(r => UnassignedTaskDto.From(r, now))], paging.Page, paging.PageSize, result.Total));
    }

    /// <summary>Hand an unassigned task over.</summary>
    public static async Task<Ok<TaskDto>> HandOverUnassignedTask(Guid taskId, HandOverTaskRequest request, UnassignedTaskList list, TimeProvider clock, CancellationToken cancellationToken)
    {
        new Check().MaxLength(request.ToUserId, "toUserId", 200).MaxLength(request.ToRole, "toRole", 200)
            .MaxLength(request.AddressingObject, "addressingObject", 200).MaxLength(request.Comment, "comment", 4000).ThrowIfAny();
        var task = await list.HandOverAsync(taskId, new UnassignedTaskHandOver(request.ToUserId, request.ToRole, request.AddressingObject, request.Comment), cancellationToken);
        return TypedResults.Ok(TaskDto.From(task, clock.GetUtcNow()));
    }

    /// <summary>Postpone.</summary>
    public static async Task<Ok<TaskDto>> PostponeTask(Guid taskId, PostponeTaskRequest request, ITaskService tasks, WorkScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        new Check().Present(request.Until, "until").That(request.Until is null || request.Until > now, "until", "until must be in the future.")
            .MaxLength(request.Comment, "comment", 4000).ThrowIfAny();
        var actor = await scope.ActorForAsync(await tasks.GetAsync(taskId, cancellationToken), cancellationToken);
        return TypedResults.Ok(TaskDto.From(await tasks.PostponeAsync(taskId, actor, request.Until!.Value, request.Comment, cancellationToken), now, actor));
    }

    /// <summary>Bring a postponed task back.</summary>
    public static async Task<Ok<TaskDto>> BringBackTask(Guid taskId, ITaskService tasks, WorkScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = await scope.ActorForAsync(await tasks.GetAsync(taskId, cancellationToken), cancellationToken);
        return TypedResults.Ok(TaskDto.From(await tasks.BringBackAsync(taskId, actor, cancellationToken), clock.GetUtcNow(), actor));
    }

    /// <summary>Return to pool.</summary>
    public static async Task<Ok<TaskDto>> ReturnTaskToPool(Guid taskId, ReturnTaskRequest? request, ITaskService tasks, WorkScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        new Check().MaxLength(request?.Comment, "comment", 4000).ThrowIfAny();
        var actor = await scope.ActorForAsync(await tasks.GetAsync(taskId, cancellationToken), cancellationToken);
        return TypedResults.Ok(TaskDto.From(await tasks.ReturnToPoolAsync(taskId, actor, request?.Comment, cancellationToken), clock.GetUtcNow()));
    }
}
