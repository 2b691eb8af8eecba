using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmBpm.Engine.Timers;

/// <summary>
/// Polls for due timers on a <see cref="PeriodicTimer"/> and fires them, and looks at once when a command of this node has
/// just committed a job (<see cref="Jobs.JobWake"/>); never blocks a request thread.
/// </summary>
internal sealed class TimerBackgroundService(TimerProcessor processor, CrmBpmOptions options, TimeProvider clock, Jobs.JobWake wake, ILogger<TimerBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.TimerPollInterval, clock);

        // Both waits stay pending across rounds: a PeriodicTimer allows one wait at a time, and a second wait on the wake
        // would leave the first to swallow a pulse.
        Task<bool>? tick = null;
        Task? woken = null;
        while (true)
        {
            try
            {
                var fired = await processor.FireDueTimersAsync(stoppingToken).ConfigureAwait(false);
                if (fired > 0)
                {
                    logger.LogInformation("Fired {Count} due timer(s).", fired);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must survive a failing database round and try again next tick.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Firing due timers failed; trying again in {Interval}.", options.TimerPollInterval);
            }

            tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
            woken ??= wake.WaitAsync(stoppingToken);
            try
            {
                var first = await Task.WhenAny(tick, woken).ConfigureAwait(false);
                if (first == woken)
                {
                    await woken.ConfigureAwait(false);
                    woken = null;
                }
                else if (!await tick.ConfigureAwait(false))
                {
                    return;
                }
                else
                {
                    tick = null;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
