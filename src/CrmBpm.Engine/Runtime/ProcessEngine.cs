using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Persistence;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Engine.Runtime;

/// <summary>Default <see cref="IProcessEngine"/>.</summary>
internal sealed partial class ProcessEngine(IWorkflowStore store, CommandRunner runner, RouteMapCatalog catalog, InstanceExecutor executor, VariableLimits limits) : IProcessEngine
{
    public async Task<ProcessInstance> StartAsync(string mapKey, StartOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mapKey);
        options ??= new StartOptions();
        var version = options.Version
            ?? (await catalog.FindLatestPublishedAsync(mapKey, cancellationToken).ConfigureAwait(false))?.Version
            ?? throw new NotFoundException("routemap.not-published", $"Route map '{mapKey}' has no published version; publish it before starting it.");
        var map = await catalog.GetAsync(mapKey, version, cancellationToken).ConfigureAwait(false);
        if (options.StartAtPointId is { } pointId && map.Map.FindPoint(pointId) is null)
        {
            throw new InputException("instance.start-point-unknown", "startAtPointId", $"Route map '{mapKey}' v{version} has no point '{pointId}' to start at.");
        }

        var variables = Variables.From(options.Variables);
        limits.Ensure(Variables.None, variables);
        if (StartVariableCheck.Check(map.Map, variables) is { Count: > 0 } problems)
        {
            throw new InputException("instance.start-variables", problems);
        }

        IReadOnlyList<Incident> incidents = [];
        var instance = await runner.RunAsync(options.StartedBy ?? Actor.System.UserId, options.JoinedWork, async context =>
        {
            var started = await executor.StartAsync(context, map, variables, options.Subject, options.BusinessKey, null, null, cancellationToken, options.StartAtPointId).ConfigureAwait(false);
            incidents = options.ThrowOnIncident ? await CommandIncidents.StandingAsync(context, cancellationToken).ConfigureAwait(false) : [];
            return started;
        }, cancellationToken).ConfigureAwait(false);
        return incidents.Count > 0 ? throw new IncidentException(instance.Id, incidents) : instance;
    }

    public async Task<ProcessInstance> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        await store.FindInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) ?? throw InstanceNotFound(instanceId);

    public Task<IReadOnlyList<ProcessInstance>> GetChildInstancesAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        store.FindChildInstancesAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        store.GetHistoryAsync(instanceId, cancellationToken);

    public async Task<IReadOnlyList<EndPoint>> GetReachedEndsAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var instance = await GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var map = await catalog.GetAsync(instance.MapKey, instance.MapVersion, cancellationToken).ConfigureAwait(false);
        var history = await store.GetHistoryAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return [.. history.Where(h => h.Kind == HistoryKind.TokenMoved && h.PointId is not null)
            .Select(h => map.Map.FindPoint(h.PointId!))
            .OfType<EndPoint>()
            .DistinctBy(e => e.Id)];
    }

    public async Task<IReadOnlyList<Incident>> GetIncidentsAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var incidents = new List<Incident>();
        var pending = new Queue<ProcessInstance>([await GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false)]);
        while (pending.TryDequeue(out var instance))
        {
            incidents.AddRange(instance.Incidents);
            foreach (var child in await store.FindChildInstancesAsync(instance.Id, cancellationToken).ConfigureAwait(false))
            {
                pending.Enqueue(child);
            }
        }

        return incidents;
    }

    public Task<ProcessInstance> SuspendAsync(Guid instanceId, string? actor = null, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor ?? Actor.System.UserId, async context =>
        {
            var instance = await LoadAsync(context, instanceId, cancellationToken).ConfigureAwait(false);
            if (!instance.IsRunning)
            {
                throw new ConflictException("instance.not-running", $"Instance {instanceId} is {instance.Status}; only an active instance can be suspended.");
            }

            await ForTreeAsync(context, instance, i => i.IsRunning, i =>
            {
                i.Status = InstanceStatus.Suspended;
                context.Record(i, HistoryKind.InstanceSuspended);
            }, cancellationToken).ConfigureAwait(false);
            return instance;
        }, cancellationToken);

    public Task<ProcessInstance> ResumeAsync(Guid instanceId, string? actor = null, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor ?? Actor.System.UserId, async context =>
        {
            var instance = await LoadAsync(context, instanceId, cancellationToken).ConfigureAwait(false);
            if (instance.Status != InstanceStatus.Suspended)
            {
                throw new ConflictException("instance.not-suspended", $"Instance {instanceId} is {instance.Status}, not suspended.");
            }

            await ForTreeAsync(context, instance, i => i.Status == InstanceStatus.Suspended, i =>
            {
                InstanceExecutor.RefreshStatus(i);
                context.Record(i, HistoryKind.InstanceResumed);
            }, cancellationToken).ConfigureAwait(false);
            return instance;
        }, cancellationToken);

    public Task<ProcessInstance> TerminateAsync(Guid instanceId, string? reason = null, string? actor = null, CancellationToken cancellationToken = default) =>
        TerminateAsync(instanceId, new TerminateOptions { Reason = reason, Actor = actor }, cancellationToken);

    public Task<ProcessInstance> TerminateAsync(Guid instanceId, TerminateOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var reason = options.Reason;
        return runner.RunAsync(options.Actor ?? Actor.System.UserId, options.JoinedWork, async context =>
        {
            var instance = await LoadAsync(context, instanceId, cancellationToken).ConfigureAwait(false);
            if (instance.Status is InstanceStatus.Completed or InstanceStatus.Terminated)
            {
                throw new ConflictException("instance.finished", $"Instance {instanceId} is already {instance.Status}.");
            }

            await ForTreeAsync(context, instance, i => i.Status is not (InstanceStatus.Completed or InstanceStatus.Terminated), i =>
                TerminateOne(context, i, reason), cancellationToken).ConfigureAwait(false);

            // A nested instance terminated on its own leaves its parent waiting for nothing: that is an incident there.
            if (instance.ParentInstanceId is { } parentId &&
                await context.Session.GetInstanceAsync(parentId, cancellationToken).ConfigureAwait(false) is { IsRunning: true } parent &&
                parent.Tokens.FirstOrDefault(t => t.ChildInstanceId == instance.Id || t.Loop?.Children.Contains(instance.Id) == true) is { } waiting)
            {
                // A multi-instance's other runs end too: the retry starts the activity again from its first item.
                await ActivityInterruption.CancelAsync(context, parent, waiting, $"the nested instance {instance.Id} of its activity was terminated", cancellationToken).ConfigureAwait(false);
                InstanceExecutor.RaiseIncident(context, parent, waiting, IncidentCodes.NestedInstanceTerminated, $"The nested instance {instance.Id} was terminated{(reason is null ? "" : $" ({reason})")}; retry to start it again.");
                context.Session.RemoveTimersOfTask(waiting.Id); // its boundary timers: the retry starts them again with the new child
                InstanceExecutor.Replace(parent, waiting, parent.Tokens.First(t => t.Id == waiting.Id) with { ChildInstanceId = null, Loop = null });
            }

            return instance;
        }, cancellationToken);
    }

    public Task<ProcessInstance> RetryIncidentAsync(Guid instanceId, IReadOnlyDictionary<string, object?>? variables = null, string? actor = null, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor ?? Actor.System.UserId, async context =>
        {
            var instance = await LoadAsync(context, instanceId, cancellationToken).ConfigureAwait(false);
            if (instance.Status != InstanceStatus.Incident)
            {
                throw new ConflictException("instance.no-incident", $"Instance {instanceId} is {instance.Status}; there is no incident to retry.");
            }

            if (variables is { Count: > 0 })
            {
                var values = Variables.From(variables);
                limits.Ensure(instance.Variables, values);
                instance.SetVariables(values);
                context.Record(instance, HistoryKind.VariablesChanged, details: string.Join(", ", variables.Keys));
            }

            foreach (var stuck in instance.Tokens.Where(t => t.State == TokenState.Incident).ToList())
            {
                InstanceExecutor.Replace(instance, stuck, stuck with { State = TokenState.Ready, IncidentCode = null, IncidentMessage = null, PendingTasks = 0 });
                context.Record(instance, HistoryKind.IncidentRetried, pointId: stuck.PointId, details: stuck.IncidentMessage);
            }

            instance.Status = InstanceStatus.Active;
            instance.IncidentCode = null;
            instance.IncidentMessage = null;
            await executor.RunAsync(context, instance, cancellationToken).ConfigureAwait(false);
            return instance;
        }, cancellationToken);

    public Task<ProcessInstance> SetVariablesAsync(Guid instanceId, IReadOnlyDictionary<string, object?> variables, string? actor = null, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor ?? Actor.System.UserId, async context =>
        {
            ArgumentNullException.ThrowIfNull(variables);
            var instance = await LoadAsync(context, instanceId, cancellationToken).ConfigureAwait(false);
            if (instance.Status is InstanceStatus.Completed or InstanceStatus.Terminated)
            {
                throw new ConflictException("instance.finished", $"Instance {instanceId} is {instance.Status}; its variables can no longer change.");
            }

            var values = Variables.From(variables);
            limits.Ensure(instance.Variables, values);
            instance.SetVariables(values);
            context.Record(instance, HistoryKind.VariablesChanged, details: string.Join(", ", variables.Keys));
            return instance;
        }, cancellationToken);

    internal static void TerminateOne(CommandContext context, ProcessInstance instance, string? reason)
    {
        instance.Status = InstanceStatus.Terminated;
        instance.EndedAt = context.Now;
        Timers.TimerEvents.CancelPending(context, instance);
        instance.MutableTokens.Clear();
        context.Record(instance, HistoryKind.InstanceTerminated, details: reason);
        context.Events.Add(new InstanceTerminated(instance.Id, instance.MapKey, instance.Subject, context.Now, reason));
    }

    internal static async Task ForTreeAsync(CommandContext context, ProcessInstance root, Func<ProcessInstance, bool> applies, Action<ProcessInstance> action, CancellationToken cancellationToken)
    {
        var pending = new Stack<ProcessInstance>([root]);
        while (pending.TryPop(out var instance))
        {
            if (!applies(instance))
            {
                continue;
            }

            action(instance);
            if (instance.Status == InstanceStatus.Terminated)
            {
                await CancelTasksAsync(context, instance, cancellationToken).ConfigureAwait(false);
            }

            foreach (var child in await context.Session.GetChildInstancesAsync(instance.Id, cancellationToken).ConfigureAwait(false))
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>Cancels the open tasks of one instance, or those <paramref name="which"/> takes (and their deadline timers).</summary>
    internal static async Task CancelTasksAsync(CommandContext context, ProcessInstance instance, CancellationToken cancellationToken, Func<WorkTask, bool>? which = null)
    {
        foreach (var task in await context.Session.GetActiveTasksAsync(instance.Id, cancellationToken).ConfigureAwait(false))
        {
            if (which is not null && !which(task))
            {
                continue;
            }

            task.Status = WorkTaskStatus.Cancelled;
            task.ClosedAt = context.Now;
            context.Session.RemoveTimersOfTask(task.Id);
            context.Record(instance, HistoryKind.TaskCancelled, pointId: task.PointId, taskId: task.Id);
            context.Events.Add(new TaskCancelled(task, context.Now));
        }
    }

    private static async Task<ProcessInstance> LoadAsync(CommandContext context, Guid instanceId, CancellationToken cancellationToken)
    {
        var instance = await context.Session.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) ?? throw InstanceNotFound(instanceId);
        context.Touch(instance);
        return instance;
    }

    private static NotFoundException InstanceNotFound(Guid instanceId) => new("instance.not-found", $"Instance {instanceId} does not exist.");
}
