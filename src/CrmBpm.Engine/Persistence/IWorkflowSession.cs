using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Persistence;

/// <summary>
/// One command's unit of work. Objects returned are tracked: changes made to them, and objects
/// added, are written by <see cref="CommitAsync"/> in one transaction. An instance whose
/// <see cref="ProcessInstance.Version"/> was raised is written only if the stored version is still
/// the one loaded, and a timer given a <see cref="TimerRecord.FiredAt"/> only if it is still unfired;
/// otherwise the commit throws <see cref="Errors.ConcurrencyException"/> and writes nothing.
/// </summary>
public interface IWorkflowSession : IAsyncDisposable
{
    /// <summary>Loads (or returns the already loaded) instance.</summary>
    Task<ProcessInstance?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>Loads the child instances of a parent.</summary>
    Task<IReadOnlyList<ProcessInstance>> GetChildInstancesAsync(Guid parentInstanceId, CancellationToken cancellationToken = default);

    /// <summary>Loads (or returns the already loaded) task.</summary>
    Task<WorkTask?> GetTaskAsync(Guid taskId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads (or returns the already loaded) task and the instance it belongs to; either is null when it does not exist.
    /// The instance must not be read later than the task: every task change raises its instance's version, so a task
    /// changed after this read makes the commit fail, and one changed before it is seen. A store may read both in one statement.
    /// </summary>
    Task<(ProcessInstance? Instance, WorkTask? Task)> GetTaskWithInstanceAsync(Guid taskId, CancellationToken cancellationToken = default);

    /// <summary>Loads the open and accepted tasks of an instance.</summary>
    Task<IReadOnlyList<WorkTask>> GetActiveTasksAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>Loads (or returns the already loaded) timer.</summary>
    Task<TimerRecord?> GetTimerAsync(Guid timerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads (or returns the already loaded) unfired subscriptions of <paramref name="kind"/> (a message or signal subscription)
    /// waiting for <paramref name="eventName"/>, oldest first, with those this session added and did not remove. Firing one
    /// (setting <see cref="TimerRecord.FiredAt"/>) commits only if it is still unfired and not removed: two commands never take one.
    /// </summary>
    Task<IReadOnlyList<TimerRecord>> FindSubscriptionsAsync(TimerKind kind, string eventName, CancellationToken cancellationToken = default);

    /// <summary>Adds a new instance.</summary>
    void AddInstance(ProcessInstance instance);

    /// <summary>Adds a new task.</summary>
    void AddTask(WorkTask task);

    /// <summary>Appends a history entry.</summary>
    void AddHistory(HistoryEntry entry);

    /// <summary>Adds a new timer.</summary>
    void AddTimer(TimerRecord timer);

    /// <summary>Deletes the unfired timers of a task on commit.</summary>
    void RemoveTimersOfTask(Guid taskId);

    /// <summary>
    /// Adds the writes of another store to this unit of work (the CRM's, when a deal follows its process): <see cref="CommitAsync"/>
    /// runs them inside its transaction after its own writes, so they commit with it or not at all. A write that throws rolls
    /// the whole commit back (a <see cref="Errors.ConcurrencyException"/> then retries the command). A store enlists only
    /// writes it can run in this session's transaction: the database stores when both share one database.
    /// </summary>
    void Enlist(Func<CancellationToken, Task> write);

    /// <summary>Writes everything in one transaction, enlisted writes included.</summary>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
