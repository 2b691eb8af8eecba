using CrmBpm.Crm.Calendar;

namespace CrmBpm.Server.Hosting;

/// <summary>
/// Reloads the business calendar every minute, so a calendar an Administrator saved on another node counts here too (the
/// saving node counts in it at once). The engine asks the calendar inside its commands, so it is held in memory.
/// </summary>
internal sealed partial class BusinessCalendarRefresh(BusinessCalendarService calendars, TimeProvider clock, ILogger<BusinessCalendarRefresh> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await calendars.GetAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The calendar in memory stays as it was; the next minute tries again.
                LogReloadFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The business calendar could not be reloaded; the one in memory still counts.")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);
}
