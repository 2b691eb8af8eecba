using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Persistence;

/// <summary>
/// A store in process memory: for tests, benchmarks and throw-away runs. Sessions work on copies
/// and commit under one lock with the same version checks as the database stores.
/// </summary>
public sealed class InMemoryWorkflowStore : IWorkflowStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Key, int Version), RouteMap> _maps = [];
    private readonly Dictionary<Guid, ProcessInstance> _instances = [];
    private readonly Dictionary<Guid, WorkTask> _tasks = [];
    private readonly Dictionary<Guid, List<Guid>> _tasksByInstance = [];
    private readonly Dictionary<Guid, List<HistoryEntry>> _history = [];
    private readonly Dictionary<Guid, TimerRecord> _timers = [];

    /// <inheritdoc />
    public Task<IWorkflowSession> OpenSessionAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IWorkflowSession>(new Session(this));

    /// <inheritdoc />
    public Task SaveRouteMapAsync(RouteMap map, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        lock (_gate)
        {
            _maps[(map.Key, map.Version)] = map;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<RouteMap?> FindRouteMapAsync(string key, int version, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_maps.GetValueOrDefault((key, version)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RouteMap>> GetRouteMapVersionsAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<RouteMap> versions = [.. _maps.Values.Where(m => m.Key == key).OrderByDescending(m => m.Version)];
            return Task.FromResult(versions);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RouteMap>> ListLatestRouteMapsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<RouteMap> latest = [.. _maps.Values.GroupBy(m => m.Key).Select(g => g.MaxBy(m => m.Version)!).OrderBy(m => m.Key, StringComparer.Ordinal)];
            return Task.FromResult(latest);
        }
    }

    /// <inheritdoc />
    public Task<ProcessInstance?> FindInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            // Committed objects are never changed again (sessions work on copies), so reads share them.
            return Task.FromResult(_instances.GetValueOrDefault(instanceId));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ProcessInstance>> FindChildInstancesAsync(Guid parentInstanceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<ProcessInstance> children = [.. _instances.Values.Where(i => i.ParentInstanceId == parentInstanceId).OrderBy(i => i.StartedAt).Select(i => i.Clone())];
            return Task.FromResult(children);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<HistoryEntry> entries = _history.TryGetValue(instanceId, out var list) ? [.. list.OrderBy(e => e.Sequence)] : [];
            return Task.FromResult(entries);
        }
    }

    /// <inheritdoc />
    public Task<WorkTask?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_tasks.GetValueOrDefault(taskId));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkTask>> GetTasksOfInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<WorkTask>>(TasksOf(instanceId).Select(t => t.Clone()).ToList());
        }
    }

    /// <inheritdoc />
    public Task<Page<WorkTask>> QueryTasksAsync(TaskQuery query, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            var matching = Sorted(_tasks.Values
                .Where(t => t.IsActive)
                .Where(query.Actor.Sees)
                .Where(t => query.OnlyPostponed
                    ? t.PostponedUntil > now
                    : query.IncludePostponed || t.PostponedUntil is null || t.PostponedUntil <= now)
                .Where(t => query.SubjectType is null || t.Subject?.Type == query.SubjectType)
                .Where(t => query.SubjectId is null || t.Subject?.Id == query.SubjectId)
                .Where(t => query.MapKey is null || t.MapKey == query.MapKey || t.MapKey.StartsWith(query.MapKey + RouteMap.ScopeSeparator, StringComparison.Ordinal))
                .Where(t => query.DueBefore is null || (t.DueAt is { } due && due < query.DueBefore)), query)
                .ToList();
            var page = matching.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(t => t.Clone()).ToList();
            return Task.FromResult(new Page<WorkTask>(page, query.Page, query.PageSize, matching.Count));
        }
    }

    /// <summary>
    /// My tasks in the query's order, ties by creation: the sort is stable and the dictionary keeps insertion order (ids are
    /// random), so "creation" is the order tasks were added, as the database's <c>seq</c>. Descending reverses it all.
    /// </summary>
    private static IEnumerable<WorkTask> Sorted(IEnumerable<WorkTask> tasks, TaskQuery query)
    {
        var ordered = query.Sort switch
        {
            TaskSort.Title => tasks.OrderBy(t => t.Title.ToLowerInvariant(), StringComparer.Ordinal),
            TaskSort.Created => tasks.OrderBy(t => 0),
            TaskSort.Performer => tasks.OrderBy(t => (t.AssigneeId ?? t.PerformerRole ?? "").ToLowerInvariant(), StringComparer.Ordinal),
            TaskSort.State => tasks.OrderBy(t => t.Status == WorkTaskStatus.Accepted ? 1 : 0),
            _ => tasks.OrderBy(t => t.DueAt is null).ThenBy(t => t.DueAt),
        };
        var list = ordered.ToList();
        if (query.Descending)
        {
            list.Reverse();
        }

        return list;
    }

    /// <inheritdoc />
    public Task<Page<WorkTask>> QueryDoneTasksAsync(DoneTaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            var matching = _tasks.Values
                .Where(t => t.CompletedBy == query.Actor.UserId && t.Status == WorkTaskStatus.Completed)
                .Select((task, added) => (task, added))
                .OrderByDescending(t => t.task.ClosedAt)
                .ThenByDescending(t => t.added)
                .Select(t => t.task)
                .ToList();
            var page = matching.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(t => t.Clone()).ToList();
            return Task.FromResult(new Page<WorkTask>(page, query.Page, query.PageSize, matching.Count));
        }
    }

    /// <inheritdoc />
    public Task<Page<WorkTask>> QueryUnassignedTasksAsync(UnassignedTaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            var matching = _tasks.Values
                .Where(t => t.IsActive && t.IsUnassigned)
                .OrderBy(t => t.DueAt is null)
                .ThenBy(t => t.DueAt)
                .ThenBy(t => t.CreatedAt) // stable, and the dictionary keeps insertion order, like My tasks
                .ToList();
            var page = matching.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(t => t.Clone()).ToList();
            return Task.FromResult(new Page<WorkTask>(page, query.Page, query.PageSize, matching.Count));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TimerRecord>> LeaseDueTimersAsync(DateTimeOffset now, string owner, DateTimeOffset leaseUntil, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var leased = _timers.Values
                .Where(t => t.FiredAt is null && t.Topic is null && t.DueAt <= now && (t.LeaseUntil is null || t.LeaseUntil < now))
                .OrderBy(t => t.DueAt)
                .Take(maxCount)
                .ToList();
            foreach (var timer in leased)
            {
                timer.LeaseOwner = owner;
                timer.LeaseUntil = leaseUntil;
            }

            return Task.FromResult<IReadOnlyList<TimerRecord>>([.. leased.Select(t => t.Clone())]);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TimerRecord>> LeaseExternalTasksAsync(DateTimeOffset now, string workerId, IReadOnlyCollection<string> topics, DateTimeOffset lockUntil, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var leased = _timers.Values
                .Where(t => t.FiredAt is null && t.Topic is not null && topics.Contains(t.Topic) && t.DueAt <= now && (t.LeaseUntil is null || t.LeaseUntil < now))
                .OrderBy(t => t.DueAt)
                .Take(maxCount)
                .ToList();
            foreach (var timer in leased)
            {
                timer.LeaseOwner = workerId;
                timer.LeaseUntil = lockUntil;
            }

            return Task.FromResult<IReadOnlyList<TimerRecord>>([.. leased.Select(t => t.Clone())]);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TimerRecord>> GetTimersOfTaskAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<TimerRecord>>([.. _timers.Values.Where(t => t.TaskId == taskId).OrderBy(t => t.DueAt).Select(t => t.Clone())]);
        }
    }

    private IEnumerable<WorkTask> TasksOf(Guid instanceId) =>
        _tasksByInstance.TryGetValue(instanceId, out var ids) ? ids.Select(id => _tasks[id]) : [];

    private sealed class Session(InMemoryWorkflowStore store) : IWorkflowSession
    {
        private readonly Dictionary<Guid, (ProcessInstance Instance, long LoadedVersion)> _instances = [];
        private readonly Dictionary<Guid, WorkTask> _tasks = [];
        private readonly Dictionary<Guid, TimerRecord> _timers = [];
        private readonly List<ProcessInstance> _newInstances = [];
        private readonly List<WorkTask> _newTasks = [];
        private readonly List<HistoryEntry> _history = [];
        private readonly List<TimerRecord> _newTimers = [];
        private readonly List<Guid> _removedTimerTasks = [];
        private readonly List<Func<CancellationToken, Task>> _enlisted = [];

        public Task<ProcessInstance?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
        {
            if (_instances.TryGetValue(instanceId, out var loaded))
            {
                return Task.FromResult<ProcessInstance?>(loaded.Instance);
            }

            var added = _newInstances.FirstOrDefault(i => i.Id == instanceId);
            if (added is not null)
            {
                return Task.FromResult<ProcessInstance?>(added);
            }

            lock (store._gate)
            {
                if (!store._instances.TryGetValue(instanceId, out var stored))
                {
                    return Task.FromResult<ProcessInstance?>(null);
                }

                var copy = stored.Clone();
                _instances[instanceId] = (copy, copy.Version);
                return Task.FromResult<ProcessInstance?>(copy);
            }
        }

        public async Task<IReadOnlyList<ProcessInstance>> GetChildInstancesAsync(Guid parentInstanceId, CancellationToken cancellationToken = default)
        {
            List<Guid> ids;
            lock (store._gate)
            {
                ids = [.. store._instances.Values.Where(i => i.ParentInstanceId == parentInstanceId).OrderBy(i => i.StartedAt).Select(i => i.Id)];
            }

            ids.AddRange(_newInstances.Where(i => i.ParentInstanceId == parentInstanceId && !ids.Contains(i.Id)).Select(i => i.Id));
            var children = new List<ProcessInstance>();
            foreach (var id in ids)
            {
                children.Add((await GetInstanceAsync(id, cancellationToken).ConfigureAwait(false))!);
            }

            return children;
        }

        public async Task<(ProcessInstance? Instance, WorkTask? Task)> GetTaskWithInstanceAsync(Guid taskId, CancellationToken cancellationToken = default)
        {
            Guid? instanceId;
            lock (store._gate)
            {
                instanceId = store._tasks.TryGetValue(taskId, out var stored) ? stored.InstanceId : null;
            }

            // Instance first, then the task (see the interface).
            var instance = instanceId is { } id ? await GetInstanceAsync(id, cancellationToken).ConfigureAwait(false) : null;
            return (instance, await GetTaskAsync(taskId, cancellationToken).ConfigureAwait(false));
        }

        public Task<WorkTask?> GetTaskAsync(Guid taskId, CancellationToken cancellationToken = default)
        {
            if (_tasks.TryGetValue(taskId, out var loaded))
            {
                return Task.FromResult<WorkTask?>(loaded);
            }

            var added = _newTasks.FirstOrDefault(t => t.Id == taskId);
            if (added is not null)
            {
                return Task.FromResult<WorkTask?>(added);
            }

            lock (store._gate)
            {
                if (!store._tasks.TryGetValue(taskId, out var stored))
                {
                    return Task.FromResult<WorkTask?>(null);
                }

                var copy = stored.Clone();
                _tasks[taskId] = copy;
                return Task.FromResult<WorkTask?>(copy);
            }
        }

        public async Task<IReadOnlyList<WorkTask>> GetActiveTasksAsync(Guid instanceId, CancellationToken cancellationToken = default)
        {
            List<Guid> ids;
            lock (store._gate)
            {
                ids = [.. store.TasksOf(instanceId).Where(t => t.IsActive).Select(t => t.Id)];
            }

            var result = new List<WorkTask>();
            foreach (var id in ids)
            {
                var task = (await GetTaskAsync(id, cancellationToken).ConfigureAwait(false))!;
                if (task.IsActive)
                {
                    result.Add(task);
                }
            }

            result.AddRange(_newTasks.Where(t => t.InstanceId == instanceId && t.IsActive));
            return result;
        }

        public Task<TimerRecord?> GetTimerAsync(Guid timerId, CancellationToken cancellationToken = default)
        {
            if (_timers.TryGetValue(timerId, out var loaded))
            {
                return Task.FromResult<TimerRecord?>(loaded);
            }

            lock (store._gate)
            {
                if (!store._timers.TryGetValue(timerId, out var stored))
                {
                    return Task.FromResult<TimerRecord?>(null);
                }

                var copy = stored.Clone();
                _timers[timerId] = copy;
                return Task.FromResult<TimerRecord?>(copy);
            }
        }

        public Task<IReadOnlyList<TimerRecord>> FindSubscriptionsAsync(TimerKind kind, string eventName, CancellationToken cancellationToken = default)
        {
            var found = new List<TimerRecord>();
            lock (store._gate)
            {
                foreach (var stored in store._timers.Values.Where(t => t.Kind == kind && t.EventName == eventName && t.FiredAt is null))
                {
                    if (!_timers.TryGetValue(stored.Id, out var loaded))
                    {
                        _timers[stored.Id] = loaded = stored.Clone();
                    }

                    found.Add(loaded);
                }
            }

            found.AddRange(_newTimers.Where(t => t.Kind == kind && t.EventName == eventName));
            return Task.FromResult<IReadOnlyList<TimerRecord>>([.. found.Where(t => t.FiredAt is null && !_removedTimerTasks.Contains(t.TaskId)).OrderBy(t => t.Id)]);
        }

        public void AddInstance(ProcessInstance instance) => _newInstances.Add(instance);

        public void AddTask(WorkTask task) => _newTasks.Add(task);

        public void AddHistory(HistoryEntry entry) => _history.Add(entry);

        public void AddTimer(TimerRecord timer) => _newTimers.Add(timer);

        public void RemoveTimersOfTask(Guid taskId) => _removedTimerTasks.Add(taskId);

        public void Enlist(Func<CancellationToken, Task> write) => _enlisted.Add(write);

        public Task CommitAsync(CancellationToken cancellationToken = default)
        {
            lock (store._gate)
            {
                foreach (var (id, (instance, loadedVersion)) in _instances)
                {
                    if (instance.Version != loadedVersion && store._instances[id].Version != loadedVersion)
                    {
                        throw new ConcurrencyException($"Instance {id} was changed by another command.");
                    }
                }

                foreach (var (id, timer) in _timers)
                {
                    if (timer.FiredAt is not null && store._timers.TryGetValue(id, out var stored) && stored.FiredAt is not null)
                    {
                        throw new ConcurrencyException($"Timer {id} has already fired.");
                    }
                }

                // Enlisted writes (an in-memory CRM's) run after the checks and before anything is applied: one that fails
                // leaves this store untouched. Writes to memory complete at once; anything else cannot run under this lock.
                foreach (var write in _enlisted)
                {
                    var written = write(cancellationToken);
                    if (!written.IsCompleted)
                    {
                        throw new InvalidOperationException("The in-memory store enlists only writes that complete at once (another in-memory store's).");
                    }

                    written.GetAwaiter().GetResult();
                }

                // The session's objects become the stored ones without a copy: the session ends here, callers cannot
                // change them (state setters are internal) and every later session works on its own copy.
                foreach (var (id, (instance, loadedVersion)) in _instances)
                {
                    if (instance.Version != loadedVersion)
                    {
                        store._instances[id] = instance;
                    }
                }

                foreach (var instance in _newInstances)
                {
                    store._instances.Add(instance.Id, instance);
                }

                foreach (var (id, task) in _tasks)
                {
                    store._tasks[id] = task;
                }

                foreach (var task in _newTasks)
                {
                    store._tasks.Add(task.Id, task);
                    if (!store._tasksByInstance.TryGetValue(task.InstanceId, out var list))
                    {
                        store._tasksByInstance[task.InstanceId] = list = [];
                    }

                    list.Add(task.Id);
                }

                foreach (var entry in _history)
                {
                    if (!store._history.TryGetValue(entry.InstanceId, out var list))
                    {
                        store._history[entry.InstanceId] = list = [];
                    }

                    list.Add(entry);
                }

                foreach (var (id, timer) in _timers)
                {
                    if (store._timers.ContainsKey(id))
                    {
                        store._timers[id] = timer.Clone();
                    }
                }

                foreach (var taskId in _removedTimerTasks)
                {
                    foreach (var timer in store._timers.Values.Where(t => t.TaskId == taskId && t.FiredAt is null).ToList())
                    {
                        store._timers.Remove(timer.Id);
                    }
                }

                foreach (var timer in _newTimers.Where(t => !_removedTimerTasks.Contains(t.TaskId)))
                {
                    store._timers.Add(timer.Id, timer.Clone());
                }
            }

            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
