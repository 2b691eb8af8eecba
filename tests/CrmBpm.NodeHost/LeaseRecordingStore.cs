using System.Globalization;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Persistence;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Timers;

namespace CrmBpm.NodeHost;

/// <summary>
/// Passes everything to the real store and writes every leased timer to a log (<c>timerId owner leaseUntilTicks</c>), so
/// the multi-node test can tell which leases a killed node held. With <paramref name="hangAfterLease"/> it simulates a node
/// that dies between leasing and firing: after the first lease that holds a reminder, leasing never returns. Reminders
/// belong only to watched tasks, which nobody completes, so the held timers stay in the table for the test to inspect
/// (a sale's ship deadline may vanish with its task when a worker completes it). Batches before that fire normally and
/// are not logged, so the log lists exactly the leases the node died holding.
/// </summary>
internal sealed class LeaseRecordingStore(IWorkflowStore inner, string? logPath, bool hangAfterLease) : IWorkflowStore
{
    private readonly Lock _gate = new();
    private bool _hung;

    public async Task<IReadOnlyList<TimerRecord>> LeaseDueTimersAsync(DateTimeOffset now, string owner, DateTimeOffset leaseUntil, int maxCount, CancellationToken cancellationToken = default)
    {
        if (_hung)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        var leased = await inner.LeaseDueTimersAsync(now, owner, leaseUntil, maxCount, cancellationToken);
        var hangNow = hangAfterLease && leased.Any(t => t.Kind == TimerKind.Reminder);
        if (leased.Count > 0 && logPath is not null && (!hangAfterLease || hangNow))
        {
            var lines = leased.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Id} {owner} {leaseUntil.UtcTicks}"));
            lock (_gate)
            {
                File.AppendAllLines(logPath, lines);
            }
        }

        if (hangNow)
        {
            _hung = true;
            Console.Error.WriteLine($"{owner}: holding {leased.Count} leased timer(s) without firing them (--hang-after-lease)");
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return leased;
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

    public Task<Page<WorkTask>> QueryUnassignedTasksAsync(UnassignedTaskQuery query, CancellationToken cancellationToken = default) => inner.QueryUnassignedTasksAsync(query, cancellationToken);

    public Task<IReadOnlyList<TimerRecord>> GetTimersOfTaskAsync(Guid taskId, CancellationToken cancellationToken = default) => inner.GetTimersOfTaskAsync(taskId, cancellationToken);
}
