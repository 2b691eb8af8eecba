using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Engine.Timers;

/// <summary>
/// Timer start events. Publishing a version whose start event has a timer schedules its first start as a persisted timer
/// (<see cref="TimerKind.StartTimer"/>) and removes the schedules of the key's earlier versions; the timer service leases it
/// when due like every timer (so several nodes never start twice) and <see cref="FireAsync"/> starts an instance of that
/// version and adds the next start, in one command. A version that is no longer the latest published one fires to nothing
/// and its schedule ends.
/// </summary>
internal sealed class StartTimers(RouteMapCatalog catalog, InstanceExecutor executor, CommandRunner runner, CrmBpmOptions options)
{
    /// <summary>
    /// After <paramref name="published"/> was published: the schedules of earlier versions with a timer start end, and this
    /// version's first start is added when its start event has a timer. Nothing is written for maps without timer starts.
    /// </summary>
    public async Task ScheduleAsync(RouteMap published, IReadOnlyList<RouteMap> versions, CancellationToken cancellationToken)
    {
        var replaced = versions.Where(v => v.Version < published.Version && v.Status == RouteMapStatus.Published && v.Start?.Timer is not null).ToList();
        var schedule = published.Start?.Timer is { } timer ? StartSchedule.Read(timer, out _) : null;
        if (replaced.Count == 0 && schedule is null)
        {
            return;
        }

        await runner.RunAsync(Actor.System.UserId, context =>
        {
            foreach (var version in replaced)
            {
                context.Session.RemoveTimersOfTask(TimerRecord.StartScheduleId(version.Key, version.Version));
            }

            if (schedule?.First(context.Now, options.ScheduleTimeZone) is { } first)
            {
                context.Session.AddTimer(StartTimer(published.Key, published.Version, first.Due, first.Firing));
            }

            return Task.FromResult(true);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Fires a leased start timer in a command of its own: starts an instance of its version and adds the next start, or, when
    /// a later version was published meanwhile (or this one is no longer published), fires to nothing. True when an instance started.
    /// </summary>
    public Task<bool> FireAsync(TimerRecord leased, CancellationToken cancellationToken) =>
        runner.RunAsync(Actor.System.UserId, async context =>
        {
            var timer = await context.Session.GetTimerAsync(leased.Id, cancellationToken).ConfigureAwait(false);
            if (timer is not { FiredAt: null, MapKey: { } key, MapVersion: { } version } || timer.LeaseOwner != options.NodeId)
            {
                return false;
            }

            // Marked fired first: the commit refuses a second firing of the same timer by another node.
            timer.FiredAt = context.Now;
            var latest = await catalog.FindLatestPublishedAsync(key, cancellationToken).ConfigureAwait(false);
            if (latest?.Version != version)
            {
                return false;
            }

            var map = await catalog.GetAsync(key, version, cancellationToken).ConfigureAwait(false);
            var schedule = StartSchedule.Read(map.Map.Start?.Timer, out _);
            if (schedule?.Next(timer.DueAt, timer.Attempt, options.ScheduleTimeZone) is { } next)
            {
                context.Session.AddTimer(StartTimer(key, version, next, timer.Attempt + 1));
            }

            await executor.StartAsync(context, map, Variables.None, subject: null, businessKey: null, parent: null, parentTokenId: null, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private static TimerRecord StartTimer(string key, int version, DateTimeOffset due, int firing) => new()
    {
        InstanceId = Guid.Empty,
        TaskId = TimerRecord.StartScheduleId(key, version),
        Kind = TimerKind.StartTimer,
        MapKey = key,
        MapVersion = version,
        DueAt = due,
        Attempt = firing,
    };
}
