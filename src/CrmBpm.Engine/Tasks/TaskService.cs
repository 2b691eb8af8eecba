using System.Text.Json;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Persistence;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Engine.Tasks;

/// <summary>Default <see cref="ITaskService"/>: every action loads the task and its instance, checks state and rights, and commits both.</summary>
internal sealed partial class TaskService(IWorkflowStore store, CommandRunner runner, RouteMapCatalog catalog, InstanceExecutor executor, VariableLimits limits) : ITaskService
{
    public async Task<WorkTask> GetAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        await store.FindTaskAsync(taskId, cancellationToken).ConfigureAwait(false) ?? throw TaskNotFound(taskId);

    public Task<IReadOnlyList<WorkTask>> GetTasksOfInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        store.GetTasksOfInstanceAsync(instanceId, cancellationToken);

    public async Task<IReadOnlyList<WorkTask>> GetOpenTasksOfTreeAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        if (await store.FindInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new NotFoundException("instance.not-found", $"Instance {instanceId} does not exist.");
        }

        var open = new List<WorkTask>();
        var pending = new Queue<Guid>([instanceId]);
        var seen = new HashSet<Guid>();
        while (pending.TryDequeue(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            open.AddRange((await store.GetTasksOfInstanceAsync(current, cancellationToken).ConfigureAwait(false)).Where(t => t.IsActive));
            foreach (var child in await store.FindChildInstancesAsync(current, cancellationToken).ConfigureAwait(false))
            {
                pending.Enqueue(child.Id);
            }
        }

        return [.. open.OrderBy(t => t.CreatedAt)];
    }

    public Task<Page<WorkTask>> MyTasksAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        EnsurePage(query.Page, query.PageSize);
        return store.QueryTasksAsync(query, runner.Now, cancellationToken);
    }

    public Task<Page<WorkTask>> DoneTasksAsync(DoneTaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        EnsurePage(query.Page, query.PageSize);
        return store.QueryDoneTasksAsync(query, cancellationToken);
    }

    public Task<Page<WorkTask>> UnassignedTasksAsync(UnassignedTaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        EnsurePage(query.Page, query.PageSize);
        if (!query.Actor.CanActOnAnyTask)
        {
            throw new ForbiddenException("task.unassigned-not-allowed", $"Only a supervisor (a Head or an Administrator) sees the unassigned tasks; {query.Actor.UserId} does not.");
        }

        return store.QueryUnassignedTasksAsync(query, cancellationToken);
    }

    public Task<WorkTask> AcceptAsync(Guid taskId, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync(taskId, actor, (context, instance, task) =>
        {
            // A substitute takes the task for the absent person: it stays theirs, so nothing is left reassigned after the absence.
            var taker = context.OnBehalfOf ?? actor.UserId;
            if (task.Status == WorkTaskStatus.Accepted && task.AssigneeId == taker)
            {
                return Task.CompletedTask;
            }

            if (task.Status == WorkTaskStatus.Accepted)
            {
                throw new ConflictException("task.accepted-by-other", $"Task '{task.Title}' was already accepted by {task.AssigneeId}.");
            }

            EnsureMayWork(task, actor);
            task.Status = WorkTaskStatus.Accepted;
            task.AssigneeId = taker;
            task.AcceptedAt = context.Now;
            Changed(context, instance, task, HistoryKind.TaskAccepted, null);
            return Task.CompletedTask;
        }, cancellationToken);

    public async Task<WorkTask> CompleteAsync(Guid taskId, Actor actor, TaskCompletion? completion = null, CancellationToken cancellationToken = default)
    {
        completion ??= new TaskCompletion();
        IReadOnlyList<Incident> incidents = [];
        var completed = await ActAsync(taskId, actor, async (context, instance, task) =>
        {
            await CompleteInCommandAsync(context, instance, task, actor, completion, cancellationToken).ConfigureAwait(false);
            incidents = completion.ThrowOnIncident ? await CommandIncidents.StandingAsync(context, cancellationToken).ConfigureAwait(false) : [];
        }, cancellationToken).ConfigureAwait(false);
        return incidents.Count > 0 ? throw new IncidentException(completed.InstanceId, incidents) : completed;
    }

    /// <summary>Completes the task inside a command (the user's, or an escalation's default outcome) and moves its token on.</summary>
    private async Task CompleteInCommandAsync(CommandContext context, ProcessInstance instance, WorkTask task, Actor actor, TaskCompletion completion, CancellationToken cancellationToken)
    {
        if (task.RequiresAcceptance && task.Status == WorkTaskStatus.Open)
        {
            throw new ConflictException("task.not-accepted", $"Task '{task.Title}' must be accepted before it can be completed.");
        }

        EnsureMayWork(task, actor);
        var values = Runtime.Variables.From(completion.Variables);
        var problems = FormValidator.Check(task, completion.Outcome, values);
        if (problems.Count > 0)
        {
            throw new InputException("task.invalid-input", problems);
        }

        var map = await catalog.GetAsync(instance.MapKey, instance.MapVersion, cancellationToken).ConfigureAwait(false);
        var action = (Definitions.ActionPoint)map.Point(task.PointId);
        task.Status = WorkTaskStatus.Completed;
        task.AssigneeId ??= context.OnBehalfOf ?? actor.UserId;
        task.CompletedBy = actor.UserId;
        task.Outcome = completion.Outcome;
        task.ClosedAt = context.Now;
        context.Session.RemoveTimersOfTask(task.Id);
        var changed = StoreResults(instance, action, task, completion.Outcome, values);

        // Checked on what the instance now holds (a result collection grows with each item); refusing fails the whole command.
        limits.Ensure(instance.Variables, changed.Where(instance.Variables.ContainsKey).ToDictionary(name => name, name => instance.Variables[name], StringComparer.Ordinal));
        context.Record(instance, HistoryKind.TaskCompleted, pointId: task.PointId, taskId: task.Id, details: completion.Outcome);
        context.Events.Add(new TaskCompleted(task, context.Now));

        var result = new Dictionary<string, JsonElement>(values, StringComparer.Ordinal);
        if (completion.Outcome is not null)
        {
            result[action.EffectiveOutcomeVariable] = JsonSerializer.SerializeToElement(completion.Outcome);
        }

        await TaskDoneAsync(context, instance, map, task, cancellationToken, result).ConfigureAwait(false);
    }

    public Task<WorkTask> RedirectAsync(Guid taskId, Actor actor, string toUserId, string? comment = null, CancellationToken cancellationToken = default) =>
        ActAsync(taskId, actor, (context, instance, task) =>
        {
            if (string.IsNullOrWhiteSpace(toUserId))
            {
                throw new InputException("task.redirect-target", "toUserId", "Say whom to redirect the task to.");
            }

            EnsureMayWork(task, actor);
            Redirect(context, instance, task, toUserId, comment);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Hands the task to <paramref name="toUserId"/> inside a command (the user's, or an escalation's reassignment).</summary>
    private static void Redirect(CommandContext context, ProcessInstance instance, WorkTask task, string toUserId, string? comment)
    {
        task.AssigneeId = toUserId;
        task.Status = WorkTaskStatus.Open;
        task.AcceptedAt = null;
        task.PostponedUntil = null;
        task.Comment = comment;
        Changed(context, instance, task, HistoryKind.TaskRedirected, $"to {toUserId}{(comment is null ? "" : $": {comment}")}");
    }

    public Task<WorkTask> RedirectToPoolAsync(Guid taskId, Actor actor, string role, string? addressingObject = null, string? comment = null, CancellationToken cancellationToken = default) =>
        ActAsync(taskId, actor, (context, instance, task) =>
        {
            if (string.IsNullOrWhiteSpace(role))
            {
                throw new InputException("task.redirect-pool", "role", "Say which role's pool to hand the task to.");
            }

            if (addressingObject is not null && string.IsNullOrWhiteSpace(addressingObject))
            {
                throw new InputException("task.redirect-pool", "addressingObject", "An addressing object must not be blank; leave it out for the role's whole pool.");
            }

            EnsureMayWork(task, actor);
            task.MoveToPool(role, addressingObject);
            task.Status = WorkTaskStatus.Open;
            task.AcceptedAt = null;
            task.PostponedUntil = null;
            task.Comment = comment;
            var pool = addressingObject is null ? role : $"{role} for {addressingObject}";
            Changed(context, instance, task, HistoryKind.TaskRedirected, $"to the pool of {pool}{(comment is null ? "" : $": {comment}")}");
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<WorkTask> PostponeAsync(Guid taskId, Actor actor, DateTimeOffset until, string? comment = null, CancellationToken cancellationToken = default) =>
        ActAsync(taskId, actor, (context, instance, task) =>
        {
            if (until <= context.Now)
            {
                throw new InputException("task.postpone-past", "until", $"A task can only be postponed into the future; {until:u} has passed.");
            }

            EnsureMayWork(task, actor);
            task.PostponedUntil = until;
            if (comment is not null)
            {
                task.Comment = comment;
            }

            Changed(context, instance, task, HistoryKind.TaskPostponed, $"until {until:u}");
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<WorkTask> BringBackAsync(Guid taskId, Actor actor, CancellationToken cancellationToken = default) =>
        ActAsync(taskId, actor, (context, instance, task) =>
        {
            if (task.PostponedUntil is not { } until || until <= context.Now)
            {
                throw new ConflictException("task.not-postponed", $"Task '{task.Title}' is not postponed, so it is already in My tasks.");
            }

            EnsureMayWork(task, actor);
            task.PostponedUntil = null;
            Changed(context, instance, task, HistoryKind.TaskBroughtBack, $"postponed until {until:u}");
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<WorkTask> CancelAsync(Guid taskId, Actor actor, string? reason = null, CancellationToken cancellationToken = default) =>
        ActAsync(taskId, actor, async (context, instance, task) =>
        {
            if (!actor.CanActOnAnyTask)
            {
                throw new ForbiddenException("task.cancel-not-allowed", $"Only a supervisor may cancel task '{task.Title}'; {actor.UserId} may not.");
            }

            if (task.ItemIndex is null)
            {
                throw new ConflictException("task.cancel-single",
                    $"Task '{task.Title}' is the only task of its action, so cancelling it would leave the process without a way on; terminate the process instead.");
            }

            var map = await catalog.GetAsync(instance.MapKey, instance.MapVersion, cancellationToken).ConfigureAwait(false);
            task.Status = WorkTaskStatus.Cancelled;
            task.ClosedAt = context.Now;
            task.Comment = reason;
            context.Session.RemoveTimersOfTask(task.Id);
            context.Record(instance, HistoryKind.TaskCancelled, pointId: task.PointId, taskId: task.Id, details: reason);
            context.Events.Add(new TaskCancelled(task, context.Now));

            // Like a completion without results: the item counts as handled, the action waits for the others.
            await TaskDoneAsync(context, instance, map, task, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<WorkTask> ReturnToPoolAsync(Guid taskId, Actor actor, string? comment = null, CancellationToken cancellationToken = default) =>
        ActAsync(taskId, actor, (context, instance, task) =>
        {
            if (task.PerformerRole is null)
            {
                throw new ConflictException("task.no-pool", $"Task '{task.Title}' was addressed to a person, not a role, so there is no pool to return it to; redirect it instead.");
            }

            if (task.AssigneeId is null)
            {
                throw new ConflictException("task.already-in-pool", $"Task '{task.Title}' is already in the pool of {task.PerformerRole}.");
            }

            if (task.AssigneeId != actor.UserId && task.AssigneeId != context.OnBehalfOf && !actor.CanActOnAnyTask)
            {
                throw new ForbiddenException("task.not-yours", $"Task '{task.Title}' is held by {task.AssigneeId}; only they can return it to the pool.");
            }

            task.AssigneeId = null;
            task.Status = WorkTaskStatus.Open;
            task.AcceptedAt = null;
            task.Comment = comment;
            Changed(context, instance, task, HistoryKind.TaskReturnedToPool, comment);
            return Task.CompletedTask;
        }, cancellationToken);

    private Task<WorkTask> ActAsync(Guid taskId, Actor actor, Func<CommandContext, ProcessInstance, WorkTask, Task> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return runner.RunAsync(actor.UserId, async context =>
        {
            // The instance as of the task's read or earlier: a task changed after this read fails our commit (and the
            // command re-runs), and one changed before it is seen here.
            var (instance, task) = await context.Session.GetTaskWithInstanceAsync(taskId, cancellationToken).ConfigureAwait(false);
            if (task is null)
            {
                throw TaskNotFound(taskId);
            }

            if (instance is null)
            {
                throw new InvalidOperationException($"Task {taskId} belongs to instance {task.InstanceId}, which does not exist.");
            }

            if (task.Status == WorkTaskStatus.Completed)
            {
                throw new ConflictException("task.already-completed", $"Task '{task.Title}' was already completed by {task.CompletedBy} at {task.ClosedAt:u}.");
            }

            if (task.Status == WorkTaskStatus.Cancelled)
            {
                throw new ConflictException("task.cancelled", $"Task '{task.Title}' was cancelled at {task.ClosedAt:u}.");
            }

            if (instance.Status == InstanceStatus.Suspended)
            {
                throw new ConflictException("instance.suspended", $"The process of task '{task.Title}' is suspended; resume it first.");
            }

            context.Touch(instance);
            context.OnBehalfOf = actor.OnBehalfOf(task);
            await action(context, instance, task).ConfigureAwait(false);
            return task;
        }, cancellationToken);
    }

    private static void EnsurePage(int page, int pageSize)
    {
        if (page < 1)
        {
            throw new InputException("query.page", "page", "Page numbers start at 1.");
        }

        if (pageSize is < 1 or > 500)
        {
            throw new InputException("query.page-size", "pageSize", "Page size must be between 1 and 500.");
        }
    }

    private static void EnsureMayWork(WorkTask task, Actor actor)
    {
        if (!actor.Sees(task) && !actor.CanActOnAnyTask)
        {
            throw new ForbiddenException("task.not-yours", task.IsUnassigned
                ? $"Task '{task.Title}' is unassigned: only a Head or an Administrator may hand it to someone, and {actor.UserId} is neither."
                : task.AssigneeId is null
                ? $"Task '{task.Title}' is in the pool of {task.PerformerRole}{(task.PerformerAddressingObject is null ? "" : $" for {task.PerformerAddressingObject}")}, which {actor.UserId} does not belong to."
                : $"Task '{task.Title}' is held by {task.AssigneeId}, not {actor.UserId}.");
        }
    }

    private static void Changed(CommandContext context, ProcessInstance instance, WorkTask task, HistoryKind kind, string? details)
    {
        context.Record(instance, kind, pointId: task.PointId, taskId: task.Id, details: details);
        context.Events.Add(new TaskChanged(task, kind, context.Now));
    }

    /// <summary>
    /// A single task writes its outcome and values into the instance. Tasks of a multi-instance action write only
    /// into the result collection (at their item's position), so parallel tasks never overwrite each other.
    /// </summary>
    /// <returns>The names of the variables written.</returns>
    private static IReadOnlyList<string> StoreResults(ProcessInstance instance, Definitions.ActionPoint action, WorkTask task, string? outcome, Dictionary<string, JsonElement> values)
    {
        if (task.ItemIndex is not { } index)
        {
            instance.SetVariables(values);
            if (outcome is not null)
            {
                instance.MutableVariables[action.EffectiveOutcomeVariable] = JsonSerializer.SerializeToElement(outcome);
                return [.. values.Keys, action.EffectiveOutcomeVariable];
            }

            return [.. values.Keys];
        }

        if (action.MultiInstance?.ResultCollection is not { } collection)
        {
            return [];
        }

        var results = instance.Variables.TryGetValue(collection, out var existing) && existing.ValueKind == JsonValueKind.Array
            ? existing.EnumerateArray().Select(e => (JsonElement?)e).ToList()
            : [];
        while (results.Count <= index)
        {
            results.Add(null);
        }

        var entry = new Dictionary<string, JsonElement>(values, StringComparer.Ordinal);
        if (outcome is not null)
        {
            entry["outcome"] = JsonSerializer.SerializeToElement(outcome);
        }

        results[index] = JsonSerializer.SerializeToElement(entry);
        instance.MutableVariables[collection] = JsonSerializer.SerializeToElement(results);
        return [collection];
    }

    private static NotFoundException TaskNotFound(Guid taskId) => new("task.not-found", $"Task {taskId} does not exist.");

    /// <summary>
    /// One task of the action is done (completed or cancelled): the action waits for its other tasks, or its token moves on.
    /// The task is read before its instance: a command that finished the task in between has moved the token on, and this
    /// read of the task is stale. Retrying reads both afresh (and then reports the task as finished).
    /// </summary>
    private async Task TaskDoneAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, WorkTask task, CancellationToken cancellationToken, IReadOnlyDictionary<string, JsonElement>? result = null)
    {
        // A multi-instance action stuck on its completion condition still counts its other tasks; the retry goes on from there.
        var token = instance.Tokens.FirstOrDefault(t => t.Id == task.TokenId && (t.State == TokenState.Waiting || (t.State == TokenState.Incident && t.Loop is not null)))
            ?? throw new ConcurrencyException($"Instance {instance.Id} has no token waiting for task {task.Id}; the task was changed by another command.");
        if (token.Loop is not null)
        {
            executor.ActionRuns.TaskDone(context, instance, map, token, task, result);
            await executor.RunAsync(context, instance, cancellationToken).ConfigureAwait(false);
            return;
        }

        var remaining = token.PendingTasks - 1;
        if (remaining > 0)
        {
            InstanceExecutor.Replace(instance, token, token with { PendingTasks = remaining });
            return;
        }

        executor.Leave(context, instance, map, token with { State = TokenState.Ready, PendingTasks = 0 });
        await executor.RunAsync(context, instance, cancellationToken).ConfigureAwait(false);
    }
}
