using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmBpm.Engine.Timers;

/// <summary>Starts the timer loop only when <see cref="CrmBpmOptions.RunTimers"/> is on (read at start, after all configuration).</summary>
internal sealed class TimerBackgroundServiceGate(IServiceProvider services) : IHostedService
{
    private TimerBackgroundService? _inner;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<CrmBpmOptions>();
        if (!options.RunTimers)
        {
            return Task.CompletedTask;
        }

        _inner = new TimerBackgroundService(
            services.GetRequiredService<TimerProcessor>(),
            options,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<Jobs.JobWake>(),
            services.GetRequiredService<ILogger<TimerBackgroundService>>());
        return _inner.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_inner is not null)
        {
            await _inner.StopAsync(cancellationToken).ConfigureAwait(false);
            _inner.Dispose();
        }
    }
}
