using System.Globalization;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Persistence;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Timers;

namespace CrmBpm.NodeHost;

/// <summary>
/// Passes everything to the real store and writes leased timers to a log (<c>timerId owner leaseUntilTicks</c>), so the
/// multi-node test can tell which leases a node died holding. With <c>--drop-leased-reminders</c> (see <see cref="NodeFaults"/>)
/// it simulates a node that loses work between leasing and firing: the first batch holding reminders is logged and its
/// reminders are never fired (they stay leased to this node until the lease ends); the rest of the batch, and every later
/// batch, fire normally and are not logged, so the log lists exactly the leases the node dropped. Reminders belong only to
/// watched tasks, which nobody completes, so the dropped timers stay in the table for the test to inspect.
/// </summary>
internal sealed class LeaseRecordingStore(IWorkflowStore inner, string? logPath, NodeFaults faults) : IWorkflowStore
{
    private readonly Lock _gate = new();

    public async Task<IReadOnlyList<TimerRecord>> LeaseDueTimersAsync(DateTimeOffset now, string owner, DateTimeOffset leaseUntil, int maxCount, CancellationToken cancellationToken = default)
    {
        var leased = await inner.LeaseDueTimersAsync(now, owner, leaseUntil, maxCount, cancellationToken);
        var drop = leased.Any(t => t.Kind == TimerKind.Reminder) && faults.TakeReminderDrop();
        if (leased.Count > 0 && logPath is not null && (!faults.DropLeasedReminders || drop))
        {
            var lines = leased.Where(t => !drop || t.Kind == TimerKind.Reminder)
                .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Id} {owner} {leaseUntil.UtcTicks}"));
            lock (_gate)
            {
                File.AppendAllLines(logPath, lines);
            }
        }

        if (!drop)
        {
            return leased;
        }

        Console.Error.WriteLine($"{owner}: dropping {leased.Count(t => t.Kind == TimerKind.Reminder)} leased reminder(s) without firing them (--drop-leased-reminders)");
        return leased.Where(t => t.Kind != TimerKind.Reminder).ToList();
    }

    public Task<IReadOnlyList<TimerRecord>> LeaseExternalTasksAsync(DateTimeOffset now, string workerId, IReadOnlyCollection<string> topics, DateTimeOffset lockUntil, int maxCount, CancellationToken cancellationToken = default) =>
        inner.LeaseExternalTasksAsync(now, workerId, topics, lockUntil, maxCount, cancellationToken);

    public Task<IWorkflowSession> OpenSessionAsync(CancellationToken cancellationToken = default) => inner.OpenSessionAsync(cancellationToken);

    public Task SaveRouteMapAsync(RouteMap map, CancellationToken cancellationToken = default) => inner.SaveRouteMapAsync(map, cancellationToken);

    public Task<RouteMap?> FindRouteMapAsync(string key, int version, CancellationToken cancellationToken = default) => inner.FindRouteMapAsync(key, version, cancellationToken);

    public Task<IReadOnlyList<RouteMap>> GetRouteMapVersionsAsync(string key, CancellationToken cancellationToken = default) => inner.GetRouteMapVersionsAsync(key, cancellationToken);

    public Task<IReadOnlyList<RouteMap>> ListLatestRouteMapsAsync(CancellationToken cancellationToken = default) => inner.ListLatestRouteMapsAsync(cancellationToken);

    public Task<ProcessInstance?> FindInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) => inner.FindInstanceAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<ProcessInstance>> FindChildInstancesAsync(Guid parentInstanceId, CancellationToken cancellationToken = default) => inner.FindChildInstancesAsync(parentInstanceId, cancellationToken);

    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken = default) => inner.GetHistoryAsync(instanceId, cancellationToken);

    public Task<WorkTask?> FindTaskAsync(Guid taskId, CancellationToken cancellationToken = default) => inner.FindTaskAsync(taskId, cancellationToken);

    public Task<IReadOnlyList<WorkTask>> GetTasksOfInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) => inner.GetTasksOfInstanceAsync(instanceId, cancellationToken);

    public Task<Page<WorkTask>> QueryTasksAsync(TaskQuery query, DateTimeOffset now, CancellationToken cancellationToken = default) => inner.QueryTasksAsync(query, now, cancellationToken);

    public Task<Page<WorkTask>> QueryDoneTasksAsync(DoneTaskQuery query, CancellationToken cancellationToken = default) => inner.QueryDoneTasksAsync(query, cancellationToken);

    public Task<Page<WorkTask>> QueryUnassignedTasksAsync(UnassignedTaskQuery query, CancellationToken cancellationToken = default) => inner.QueryUnassignedTasksAsync(query, cancellationToken);

    public Task<IReadOnlyList<TimerRecord>> GetTimersOfTaskAsync(Guid taskId, CancellationToken cancellationToken = default) => inner.GetTimersOfTaskAsync(taskId, cancellationToken);
}
