using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Persistence;

/// <summary>
/// Where the engine keeps route maps, instances, tasks, history and timers. Commands go through
/// an <see cref="IWorkflowSession"/> (one session = one transaction); queries read directly.
/// Every implementation passes the shared store contract suite.
/// </summary>
public interface IWorkflowStore
{
    /// <summary>Opens a unit of work.</summary>
    Task<IWorkflowSession> OpenSessionAsync(CancellationToken cancellationToken = default);

    /// <summary>Saves a route map version (insert or replace of the same key and version).</summary>
    Task SaveRouteMapAsync(RouteMap map, CancellationToken cancellationToken = default);

    /// <summary>A route map version, or null.</summary>
    Task<RouteMap?> FindRouteMapAsync(string key, int version, CancellationToken cancellationToken = default);

    /// <summary>All versions of one key, newest first.</summary>
    Task<IReadOnlyList<RouteMap>> GetRouteMapVersionsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The newest version of every key.</summary>
    Task<IReadOnlyList<RouteMap>> ListLatestRouteMapsAsync(CancellationToken cancellationToken = default);

    /// <summary>An instance as stored, or null.</summary>
    Task<ProcessInstance?> FindInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>Instances started by <paramref name="parentInstanceId"/> through nested process points.</summary>
    Task<IReadOnlyList<ProcessInstance>> FindChildInstancesAsync(Guid parentInstanceId, CancellationToken cancellationToken = default);

    /// <summary>History of an instance in order.</summary>
    Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>A task, or null.</summary>
    Task<WorkTask?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken = default);

    /// <summary>All tasks of an instance, oldest first.</summary>
    Task<IReadOnlyList<WorkTask>> GetTasksOfInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// My tasks: active tasks held by the actor or sitting in a pool the actor belongs to, and the same of every absent person
    /// the actor substitutes for (<see cref="Actor.ActsFor"/>, within its performer roles), each once; not postponed past
    /// <paramref name="now"/> (unless asked; only those with <see cref="TaskQuery.OnlyPostponed"/>), ordered by
    /// <see cref="TaskQuery.Sort"/> (deadline: none last), then creation, or all that reversed (<see cref="TaskQuery.Descending"/>). Exactly the tasks
    /// <see cref="Actor.Sees"/> accepts.
    /// </summary>
    Task<Page<WorkTask>> QueryTasksAsync(TaskQuery query, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// The tasks completed by <see cref="DoneTaskQuery.Actor"/>'s user id (<see cref="WorkTask.CompletedBy"/>), newest first
    /// (by <see cref="WorkTask.ClosedAt"/>, then the latest created).
    /// </summary>
    Task<Page<WorkTask>> QueryDoneTasksAsync(DoneTaskQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The Unassigned list: active tasks with neither an assignee nor a performer role (<see cref="WorkTask.IsUnassigned"/>),
    /// postponed or not, ordered by deadline (none last), then creation. The query's actor is not a filter: the caller checked it.
    /// </summary>
    Task<Page<WorkTask>> QueryUnassignedTasksAsync(UnassignedTaskQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases up to <paramref name="maxCount"/> unfired timers due at <paramref name="now"/> whose lease is
    /// free or expired, for <paramref name="owner"/> until <paramref name="leaseUntil"/>. Safe with several nodes.
    /// </summary>
    Task<IReadOnlyList<TimerRecord>> LeaseDueTimersAsync(DateTimeOffset now, string owner, DateTimeOffset leaseUntil, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases up to <paramref name="maxCount"/> unfired external jobs of <paramref name="topics"/> due at <paramref name="now"/>
    /// whose lease is free or expired, for the worker <paramref name="workerId"/> until <paramref name="lockUntil"/>. Two
    /// workers fetching at once never get the same job.
    /// </summary>
    Task<IReadOnlyList<TimerRecord>> LeaseExternalTasksAsync(DateTimeOffset now, string workerId, IReadOnlyCollection<string> topics, DateTimeOffset lockUntil, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Timers of a task (for tests and diagnostics).</summary>
    Task<IReadOnlyList<TimerRecord>> GetTimersOfTaskAsync(Guid taskId, CancellationToken cancellationToken = default);
}
