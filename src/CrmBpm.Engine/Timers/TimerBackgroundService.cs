using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmBpm.Engine.Timers;

/// <summary>Polls for due timers on a <see cref="PeriodicTimer"/> and fires them; never blocks a request thread.</summary>
internal sealed class TimerBackgroundService(TimerProcessor processor, CrmBpmOptions options, TimeProvider clock, ILogger<TimerBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.TimerPollInterval, clock);
        do
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
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
