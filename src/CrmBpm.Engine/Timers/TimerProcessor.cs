using CrmBpm.Engine.Events;
using CrmBpm.Engine.Persistence;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using Microsoft.Extensions.Logging;

namespace CrmBpm.Engine.Timers;

/// <summary>
/// Leases due timers from the store and fires each in its own command. A timer fires once: the commit
/// refuses a second firing (see <see cref="IWorkflowSession"/>), even when a lease expired and another node took it.
/// </summary>
public sealed class TimerProcessor
{
    private readonly IWorkflowStore _store;
    private readonly CommandRunner _runner;
    private readonly Jobs.JobRunner _jobs;
    private readonly TimerEvents _timerEvents;
    private readonly StartTimers _startTimers;
    private readonly EscalationLadder _escalations;
    private readonly CrmBpmOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<TimerProcessor> _logger;

    internal TimerProcessor(IWorkflowStore store, CommandRunner runner, Jobs.JobRunner jobs, TimerEvents timerEvents, StartTimers startTimers, EscalationLadder escalations, CrmBpmOptions options, TimeProvider clock, ILogger<TimerProcessor> logger)
    {
        _startTimers = startTimers;
        _escalations = escalations;
        _store = store;
        _runner = runner;
        _jobs = jobs;
        _timerEvents = timerEvents;
        _options = options;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Fires the timers due now and runs the due jobs (automatic steps' handlers, one after another, each outside any
    /// transaction; see <see cref="Jobs.JobRunner"/>); returns how many fired or ran.
    /// </summary>
    public async Task<int> FireDueTimersAsync(CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        var leased = await _store.LeaseDueTimersAsync(now, _options.NodeId, now + _options.TimerLeaseDuration, _options.TimerBatchSize, cancellationToken).ConfigureAwait(false);
        var fired = 0;
        foreach (var timer in leased)
        {
            try
            {
                var done = timer.Kind switch
                {
                    TimerKind.Job => await _jobs.RunAsync(timer, cancellationToken).ConfigureAwait(false),
                    TimerKind.StartTimer => await _startTimers.FireAsync(timer, cancellationToken).ConfigureAwait(false),
                    TimerKind.Escalation => await _escalations.FireAsync(timer, cancellationToken).ConfigureAwait(false),
                    _ => await FireAsync(timer, cancellationToken).ConfigureAwait(false),
                };
                if (done)
                {
                    fired++;
                }
            }
            catch (Errors.ConcurrencyException)
            {
                _logger.LogDebug("Timer {TimerId} was fired by another node.", timer.Id);
            }
        }

        return fired;
    }

    private Task<bool> FireAsync(TimerRecord leased, CancellationToken cancellationToken) =>
        _runner.RunAsync(Actor.System.UserId, async context =>
        {
            // Instance first, then the timer: a concurrent firing either shows as fired here or fails the commit.
            var instance = await context.Session.GetInstanceAsync(leased.InstanceId, cancellationToken).ConfigureAwait(false);
            var timer = await context.Session.GetTimerAsync(leased.Id, cancellationToken).ConfigureAwait(false);
            if (instance is null || timer is null || timer.FiredAt is not null || timer.LeaseOwner != _options.NodeId)
            {
                return false;
            }

            if (instance.Status == InstanceStatus.Suspended)
            {
                // Left for later: the lease runs out and the timer is taken again after the instance resumes.
                return false;
            }

            timer.FiredAt = context.Now;
            context.Touch(instance);
            if (timer.Kind is TimerKind.TimerEvent or TimerKind.BoundaryTimer)
            {
                return await _timerEvents.FireAsync(context, instance, timer, cancellationToken).ConfigureAwait(false);
            }

            var task = await context.Session.GetTaskAsync(timer.TaskId, cancellationToken).ConfigureAwait(false);
            if (task is not { IsActive: true })
            {
                return false;
            }

            if (timer.Kind == TimerKind.Deadline)
            {
                context.Record(instance, HistoryKind.TaskDeadlineReached, pointId: task.PointId, taskId: task.Id, details: $"due {task.DueAt:u}");
                context.Events.Add(new TaskDeadlineReached(task, context.Now));
            }
            else
            {
                context.Record(instance, HistoryKind.TaskReminder, pointId: task.PointId, taskId: task.Id, details: $"due {task.DueAt:u}");
                context.Events.Add(new TaskReminderDue(task, context.Now));
            }

            return true;
        }, cancellationToken);
}
