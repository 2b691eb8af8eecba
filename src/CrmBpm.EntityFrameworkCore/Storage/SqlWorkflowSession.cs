using System.Data.Common;
using CrmBpm.Engine.Persistence;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Timers;
using CrmBpm.EntityFrameworkCore.Configurations;
using CrmBpm.EntityFrameworkCore.Entities;
using CrmBpm.EntityFrameworkCore.Storage.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CrmBpm.EntityFrameworkCore.Storage;

/// <summary>
/// One command's unit of work, in hand-written SQL on the connection of a pooled <see cref="CrmBpmDbContext"/>: a command is
/// the engine's hot path, and EF Core's query pipeline and change tracking cost several times what the database does.
/// The connection is opened once for the whole session. Rows are read as the command asks for them and handed out as
/// engine objects; <see cref="CommitAsync"/> writes what changed in one transaction:
/// <list type="number">
/// <item>instances whose version was raised, <c>WHERE version = @loaded</c>, and new instances (first, and on their own, so a lost
/// race fails before anything else is written);</item>
/// <item>changed tasks (<c>WHERE row_version = @loaded</c>), timers (a firing <c>WHERE fired_at IS NULL</c>), new rows, history;</item>
/// <item>the unfired timers of tasks whose timers were removed;</item>
/// <item>the My tasks counters (<c>open_task_counts</c>) of every branch a task entered or left;</item>
/// <item>the writes other stores enlisted (the CRM's records that follow their processes), in the same transaction.</item>
/// </list>
/// Any of the guarded updates touching no row rolls the whole transaction back and throws <see cref="Engine.Errors.ConcurrencyException"/>.
/// Disposing never throws: by then the command's outcome is decided (see <see cref="DisposeAsync"/>).
/// </summary>
internal sealed class SqlWorkflowSession(CrmBpmDbContext db, IDatabaseDialect dialect, ILogger logger) : IWorkflowSession
{
    // Built once: every task command and every token step runs these.
    private static readonly string TaskWithInstanceSql =
        $"SELECT {string.Join(", ", TaskRows.Columns.Select(c => "t." + c))}, {string.Join(", ", InstanceRows.Columns.Select(c => "i." + c))} " +
        $"FROM {TableNames.Tasks} t LEFT JOIN {TableNames.Instances} i ON i.id = t.instance_id WHERE t.id = @id";

    private static readonly string ActiveTasksSql =
        $"{TaskRows.Select} WHERE instance_id = @instance AND status IN ('{nameof(WorkTaskStatus.Open)}', '{nameof(WorkTaskStatus.Accepted)}') ORDER BY seq";

    private readonly Dictionary<Guid, LoadedInstance> _instances = [];
    private readonly Dictionary<Guid, LoadedTask> _tasks = [];
    private readonly Dictionary<Guid, LoadedTimer> _timers = [];
    private readonly List<ProcessInstance> _newInstances = [];
    private readonly List<WorkTask> _newTasks = [];
    private readonly List<HistoryEntry> _history = [];
    private readonly List<TimerRecord> _newTimers = [];
    private readonly HashSet<Guid> _removedTimerTasks = [];
    private readonly List<Func<CancellationToken, Task>> _enlisted = [];
    private DbConnection? _connection;

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

        var rows = await ReadAsync(new SqlStatement($"{InstanceRows.Select} WHERE id = @id").With("@id", dialect.GuidValue(instanceId)), InstanceRows.Read, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : Track(rows[0]);
    }

    public async Task<IReadOnlyList<ProcessInstance>> GetChildInstancesAsync(Guid parentInstanceId, CancellationToken cancellationToken = default)
    {
        var rows = await ReadAsync(
            new SqlStatement($"{InstanceRows.Select} WHERE parent_instance_id = @parent ORDER BY started_at, seq").With("@parent", dialect.GuidValue(parentInstanceId)),
            InstanceRows.Read, cancellationToken).ConfigureAwait(false);
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

        var rows = await ReadAsync(TaskRows.ById(taskId, dialect), TaskRows.Read, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : Track(rows[0]);
    }

    /// <summary>One statement (one snapshot) reads the task and its instance, unless the session holds them already.</summary>
    public async Task<(ProcessInstance? Instance, WorkTask? Task)> GetTaskWithInstanceAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        if (_tasks.ContainsKey(taskId) || _newTasks.Exists(t => t.Id == taskId))
        {
            var held = await GetTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
            return (await GetInstanceAsync(held!.InstanceId, cancellationToken).ConfigureAwait(false), held);
        }

        var rows = await ReadAsync(new SqlStatement(TaskWithInstanceSql).With("@id", dialect.GuidValue(taskId)), reader => (
            Task: TaskRows.Read(reader, 0),
            Instance: reader.IsDBNull(TaskRows.Columns.Length) ? null : InstanceRows.Read(reader, TaskRows.Columns.Length)), cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return (null, null);
        }

        var (taskRow, instanceRow) = rows[0];
        var instance = instanceRow is null ? null
            : _instances.TryGetValue(instanceRow.Id, out var loaded) ? loaded.Instance
            : Track(instanceRow);
        return (instance, Track(taskRow));
    }

    public async Task<IReadOnlyList<WorkTask>> GetActiveTasksAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var rows = await ReadAsync(new SqlStatement(ActiveTasksSql).With("@instance", dialect.GuidValue(instanceId)), TaskRows.Read, cancellationToken).ConfigureAwait(false);
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

        var rows = await ReadAsync(new SqlStatement($"{TimerRows.Select} WHERE id = @id").With("@id", dialect.GuidValue(timerId)), TimerRows.Read, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return null;
        }

        var timer = EntityMapper.ToTimer(rows[0]);
        _timers[timerId] = new LoadedTimer(timer, timer.Clone());
        return timer;
    }

    public async Task<IReadOnlyList<TimerRecord>> FindSubscriptionsAsync(TimerKind kind, string eventName, CancellationToken cancellationToken = default)
    {
        var statement = new SqlStatement($"{TimerRows.Select} WHERE event_name = @name AND kind = @kind AND fired_at IS NULL")
            .With("@name", eventName).With("@kind", kind.ToString());
        var found = new List<TimerRecord>();
        foreach (var row in await ReadAsync(statement, TimerRows.Read, cancellationToken).ConfigureAwait(false))
        {
            if (!_timers.TryGetValue(row.Id, out var loaded))
            {
                var timer = EntityMapper.ToTimer(row);
                _timers[row.Id] = loaded = new LoadedTimer(timer, timer.Clone());
            }

            found.Add(loaded.Timer);
        }

        found.AddRange(_newTimers.Where(t => t.Kind == kind && t.EventName == eventName));
        return [.. found.Where(t => t.FiredAt is null && !_removedTimerTasks.Contains(t.TaskId)).OrderBy(t => t.Id)];
    }

    public void AddInstance(ProcessInstance instance) => _newInstances.Add(instance);

    public void AddTask(WorkTask task) => _newTasks.Add(task);

    public void AddHistory(HistoryEntry entry) => _history.Add(entry);

    public void AddTimer(TimerRecord timer) => _newTimers.Add(timer);

    public void RemoveTimersOfTask(Guid taskId) => _removedTimerTasks.Add(taskId);

    public void Enlist(Func<CancellationToken, Task> write) => _enlisted.Add(write);

    /// <summary>The transaction <see cref="CommitAsync"/> is writing in, for enlisted writes on <see cref="OpenConnectionAsync"/>; null outside it.</summary>
    internal DbTransaction? CommitTransaction { get; private set; }

    /// <summary>The connection string this session's database is configured with, to tell whether another context is on the same database.</summary>
    internal string? ConnectionString => db.Database.GetConnectionString();

    /// <summary>This session's connection, opened if it was not, for another store's context on the same database (the CRM's).</summary>
    internal ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) => ConnectionAsync(cancellationToken);

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_committed)
        {
            throw new InvalidOperationException("A workflow session commits once.");
        }

        _committed = true;
        var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await SqlStatementRunner.ExecuteAsync(connection, transaction, InstanceWrites(), cancellationToken).ConfigureAwait(false);
            await SqlStatementRunner.ExecuteAsync(connection, transaction, OtherWrites(), cancellationToken).ConfigureAwait(false);
            CommitTransaction = transaction;
            try
            {
                foreach (var write in _enlisted)
                {
                    await write(cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                CommitTransaction = null;
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Closes the connection and returns the context to its pool. By now the command has committed, or failed and rolled back,
    /// and its caller is owed that outcome: a connection that cannot go back to its pool cleanly (the provider refuses while a
    /// statement is still active on it) is logged and dropped from the pool, never lent to the next command, and never turns
    /// the outcome into an error.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_connection is not null)
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
        catch (DbException ex)
        {
            logger.LogError(ex, "A command's connection could not go back to its pool cleanly; it is dropped from the pool. The command's outcome stands.");
            dialect.DiscardFromPool(_connection!);
        }

        try
        {
            await db.DisposeAsync().ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            logger.LogError(ex, "A command's database context could not be reset for reuse after its connection failed to close.");
        }
    }

    /// <summary>1. The instances: the optimistic check that decides whether this command may write at all.</summary>
    private List<SqlStatement> InstanceWrites()
    {
        var statements = new List<SqlStatement>();
        foreach (var (instance, loadedVersion) in _instances.Values)
        {
            if (instance.Version != loadedVersion)
            {
                statements.Add(InstanceRows.Update(EntityMapper.ToEntity(instance), loadedVersion, dialect));
            }
        }

        statements.AddRange(InstanceRows.Insert(_newInstances.Select(EntityMapper.ToEntity), dialect));
        return statements;
    }

    /// <summary>2–4. Tasks, timers and history; the timers of closed tasks; the My tasks counters last, so on PostgreSQL a busy pool's counter row stays locked only until the commit.</summary>
    private List<SqlStatement> OtherWrites()
    {
        var statements = new List<SqlStatement>();
        foreach (var (task, row, loadedState) in _tasks.Values)
        {
            if (task.State != loadedState)
            {
                var loadedRowVersion = row.RowVersion;
                EntityMapper.Apply(task.State, row);
                row.RowVersion = loadedRowVersion + 1;
                statements.Add(TaskRows.Update(row, loadedRowVersion, dialect));
            }
        }

        foreach (var (timer, loaded) in _timers.Values)
        {
            if (timer.LeaseOwner != loaded.LeaseOwner || timer.LeaseUntil != loaded.LeaseUntil || timer.FiredAt != loaded.FiredAt)
            {
                statements.Add(TimerRows.Update(EntityMapper.ToEntity(timer), loaded.FiredAt, dialect));
            }
        }

        statements.AddRange(TaskRows.Insert(_newTasks.Select(EntityMapper.ToEntity), dialect));
        statements.AddRange(HistoryRows.Insert(_history.Select(EntityMapper.ToEntity), dialect));
        statements.AddRange(TimerRows.Insert(_newTimers.Where(t => !_removedTimerTasks.Contains(t.TaskId)).Select(EntityMapper.ToEntity), dialect));
        if (_removedTimerTasks.Count > 0)
        {
            statements.Add(TimerRows.DeleteUnfiredOf([.. _removedTimerTasks], dialect));
        }

        if (OpenTaskCountChanges().ToStatement() is { } counters)
        {
            statements.Add(counters);
        }

        return statements;
    }

    private async Task<List<T>> ReadAsync<T>(SqlStatement statement, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        await SqlQuery.ReadAsync(await ConnectionAsync(cancellationToken).ConfigureAwait(false), statement, read, cancellationToken).ConfigureAwait(false);

    /// <summary>The context's connection, opened on first use (EF Core's interceptors, such as SQLite's pragmas, run then) and kept open until the session ends.</summary>
    private async ValueTask<DbConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            _connection = db.Database.GetDbConnection();
        }

        return _connection;
    }

    private OpenTaskCountChanges OpenTaskCountChanges()
    {
        var changes = new OpenTaskCountChanges();
        foreach (var (task, _, loadedState) in _tasks.Values)
        {
            var state = task.State;
            if (state != loadedState)
            {
                changes.Move(CounterOf(loadedState), CounterOf(state));
            }
        }

        foreach (var task in _newTasks)
        {
            changes.Move(null, CounterOf(task.State));
        }

        return changes;
    }

    /// <summary>The state's counter: a task handed to a pool moves from no counter to its pool's.</summary>
    private static OpenTaskCountKey? CounterOf(WorkTaskState state) =>
        OpenTaskCountKey.Of(state.Status is WorkTaskStatus.Open or WorkTaskStatus.Accepted, state.AssigneeId, state.PerformerRole, state.PerformerAddressingObject);

    private ProcessInstance Track(InstanceEntity row)
    {
        var instance = EntityMapper.ToInstance(row);
        _instances[row.Id] = new LoadedInstance(instance, row.Version);
        return instance;
    }

    private WorkTask Track(TaskEntity row)
    {
        var task = EntityMapper.ToTask(row);
        _tasks[row.Id] = new LoadedTask(task, row, task.State);
        return task;
    }

    private sealed record LoadedInstance(ProcessInstance Instance, long LoadedVersion);

    private sealed record LoadedTask(WorkTask Task, TaskEntity Row, WorkTaskState LoadedState);

    private sealed record LoadedTimer(TimerRecord Timer, TimerRecord Loaded);
}
