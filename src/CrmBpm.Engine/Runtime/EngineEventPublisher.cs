using CrmBpm.Engine.Events;
using Microsoft.Extensions.Logging;

namespace CrmBpm.Engine.Runtime;

/// <summary>Hands committed events to every registered handler; a failing handler is logged, never undoes the command.</summary>
internal sealed class EngineEventPublisher(IEnumerable<IEngineEventHandler> handlers, ILogger<EngineEventPublisher> logger)
{
    private readonly IEngineEventHandler[] _handlers = [.. handlers];

    public async Task PublishAsync(IReadOnlyList<EngineEvent> events, CancellationToken cancellationToken)
    {
        if (_handlers.Length == 0)
        {
            return;
        }

        foreach (var engineEvent in events)
        {
            foreach (var handler in _handlers)
            {
                try
                {
                    await handler.HandleAsync(engineEvent, cancellationToken).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A handler's failure must not turn a committed command into an error.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    logger.LogError(ex, "Engine event handler {Handler} failed on {Event}.", handler.GetType().Name, engineEvent.GetType().Name);
                }
            }
        }
    }
}
