using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Persistence;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Timers;
using CrmBpm.EntityFrameworkCore.Entities;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.EntityFrameworkCore.Storage;

/// <summary>
/// One command's unit of work on its own <see cref="CrmBpmDbContext"/>. Rows are read (and tracked) as the command
/// asks for them and handed out as engine objects; <see cref="CommitAsync"/> copies the objects' state back onto
/// the rows and writes everything in one transaction:
/// <list type="number">
/// <item>instances whose version was raised, <c>WHERE version = @loaded</c> (first, so a lost race fails before anything else is written);</item>
/// <item>changed tasks (<c>WHERE row_version = @loaded</c>), timers (a firing <c>WHERE fired_at IS NULL</c>), new rows, history;</item>
/// <item>the unfired timers of tasks whose timers were removed;</item>
/// <item>the My tasks counters (<c>open_task_counts</c>) of every branch a task entered or left.</item>
/// </list>
/// Any of the guarded updates touching no row rolls the whole transaction back and throws <see cref="ConcurrencyException"/>.
/// </summary>
internal sealed class EfWorkflowSession(CrmBpmDbContext db, IDatabaseDialect dialect) : IWorkflowSession
{
    private readonly Dictionary<Guid, LoadedInstance> _instances = [];
    private readonly Dictionary<Guid, LoadedTask> _tasks = [];
    private readonly Dictionary<Guid, LoadedTimer> _timers = [];
    private readonly List<ProcessInstance> _newInstances = [];
    private readonly List<WorkTask> _newTasks = [];
    private readonly List<HistoryEntry> _history = [];
    private readonly List<TimerRecord> _newTimers = [];
    private readonly HashSet<Guid> _removedTimerTasks = [];
    private bool _committed;

    public async Task<ProcessInstance?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        if (_instances.TryGetValue(instanceId, out var loaded))
        {
            return loaded.Instance;
        }

        var added = _newInstances.Find(i => i.Id == instanceId);
        if (added is not null)
        {
            return added;
        }

        var row = await db.Instances.FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : Track(row);
    }

    public async Task<IReadOnlyList<ProcessInstance>> GetChildInstancesAsync(Guid parentInstanceId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Instances
            .Where(i => i.ParentInstanceId == parentInstanceId)
            .OrderBy(i => i.StartedAt).ThenBy(i => i.Seq)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var children = rows.Select(row => _instances.TryGetValue(row.Id, out var loaded) ? loaded.Instance : Track(row)).ToList();
        children.AddRange(_newInstances.Where(i => i.ParentInstanceId == parentInstanceId && children.TrueForAll(c => c.Id != i.Id)));
        return children;
    }

    public async Task<WorkTask?> GetTaskAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        if (_tasks.TryGetValue(taskId, out var loaded))
        {
            return loaded.Task;
        }

        var added = _newTasks.Find(t => t.Id == taskId);
        if (added is not null)
        {
            return added;
        }

        var row = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : Track(row);
    }

    public async Task<IReadOnlyList<WorkTask>> GetActiveTasksAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Tasks
            .Where(t => t.InstanceId == instanceId && (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.Accepted))
            .OrderBy(t => t.Seq)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var result = rows
            .Select(row => _tasks.TryGetValue(row.Id, out var loaded) ? loaded.Task : Track(row))
            .Where(t => t.IsActive)
            .ToList();
        result.AddRange(_newTasks.Where(t => t.InstanceId == instanceId && t.IsActive));
        return result;
    }

    public async Task<TimerRecord?> GetTimerAsync(Guid timerId, CancellationToken cancellationToken = default)
    {
        if (_timers.TryGetValue(timerId, out var loaded))
        {
            return loaded.Timer;
        }

        var row = await db.Timers.FirstOrDefaultAsync(t => t.Id == timerId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var timer = EntityMapper.ToTimer(row);
        _timers[timerId] = new LoadedTimer(timer, row);
        return timer;
    }

    public void AddInstance(ProcessInstance instance) => _newInstances.Add(instance);

    public void AddTask(WorkTask task) => _newTasks.Add(task);

    public void AddHistory(HistoryEntry entry) => _history.Add(entry);

    public void AddTimer(TimerRecord timer) => _newTimers.Add(timer);

    public void RemoveTimersOfTask(Guid taskId) => _removedTimerTasks.Add(taskId);

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_committed)
        {
            throw new InvalidOperationException("A workflow session commits once.");
        }

        _committed = true;
        var transaction = await dialect.BeginWriteTransactionAsync(db, cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            try
            {
                // 1. The instances: the optimistic check that decides whether this command may write at all.
                foreach (var (instance, row, loadedVersion) in _instances.Values)
                {
                    if (instance.Version != loadedVersion)
                    {
                        EntityMapper.Apply(instance, row);
                    }
                }

                db.Instances.AddRange(_newInstances.Select(EntityMapper.ToEntity));
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

                // 2. Tasks, timers and history.
                foreach (var (task, row, loadedState) in _tasks.Values)
                {
                    var state = task.State;
                    if (state != loadedState)
                    {
                        EntityMapper.Apply(state, row);
                        row.RowVersion++;
                    }
                }

                foreach (var (timer, row) in _timers.Values)
                {
                    EntityMapper.Apply(timer, row);
                }

                db.Tasks.AddRange(_newTasks.Select(EntityMapper.ToEntity));
                db.History.AddRange(_history.Select(EntityMapper.ToEntity));
                db.Timers.AddRange(_newTimers.Where(t => !_removedTimerTasks.Contains(t.TaskId)).Select(EntityMapper.ToEntity));
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

                // 3. Timers of tasks that closed.
                if (_removedTimerTasks.Count > 0)
                {
                    var taskIds = _removedTimerTasks.ToList();
                    await db.Timers.Where(t => taskIds.Contains(t.TaskId) && t.FiredAt == null).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                }

                // 4. The My tasks counters, last: on PostgreSQL a busy pool's counter row stays locked only until the commit.
                await OpenTaskCountChanges().ApplyAsync(db, cancellationToken).ConfigureAwait(false);

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException ex)
            {
                throw new ConcurrencyException($"Another command changed {Describe(ex)} first; nothing was written.");
            }
        }
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();

    private OpenTaskCountChanges OpenTaskCountChanges()
    {
        var changes = new OpenTaskCountChanges();
        foreach (var (task, _, loadedState) in _tasks.Values)
        {
            var state = task.State;
            if (state != loadedState)
            {
                changes.Move(CounterOf(task, loadedState), CounterOf(task, state));
            }
        }

        foreach (var task in _newTasks)
        {
            changes.Move(null, CounterOf(task, task.State));
        }

        return changes;
    }

    private static OpenTaskCountKey? CounterOf(WorkTask task, WorkTaskState state) =>
        OpenTaskCountKey.Of(state.Status is WorkTaskStatus.Open or WorkTaskStatus.Accepted, state.AssigneeId, task.PerformerRole, task.PerformerAddressingObject);

    private ProcessInstance Track(InstanceEntity row)
    {
        var instance = EntityMapper.ToInstance(row);
        _instances[row.Id] = new LoadedInstance(instance, row, row.Version);
        return instance;
    }

    private WorkTask Track(TaskEntity row)
    {
        var task = EntityMapper.ToTask(row);
        _tasks[row.Id] = new LoadedTask(task, row, task.State);
        return task;
    }

    private static string Describe(DbUpdateConcurrencyException ex) =>
        ex.Entries.FirstOrDefault()?.Entity switch
        {
            InstanceEntity instance => $"instance {instance.Id}",
            TaskEntity task => $"task {task.Id}",
            TimerEntity timer => $"timer {timer.Id} (it has already fired)",
            _ => "the same data",
        };

    private sealed record LoadedInstance(ProcessInstance Instance, InstanceEntity Row, long LoadedVersion);

    private sealed record LoadedTask(WorkTask Task, TaskEntity Row, WorkTaskState LoadedState);

    private sealed record LoadedTimer(TimerRecord Timer, TimerEntity Row);
}
