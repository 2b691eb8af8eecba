using Microsoft.Extensions.Logging;

namespace CrmBpm.Crm.Common;

/// <summary>Hands committed domain events to every <see cref="ICrmEventHandler"/>; a failing handler is logged.</summary>
internal sealed class DomainEventPublisher(IEnumerable<ICrmEventHandler> handlers, ILogger<DomainEventPublisher> logger)
{
    private readonly ICrmEventHandler[] _handlers = [.. handlers];

    public async Task PublishAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var domainEvent in events)
        {
            foreach (var handler in _handlers)
            {
                try
                {
                    await handler.HandleAsync(domainEvent, cancellationToken).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A handler's failure must not turn a committed change into an error.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    logger.LogError(ex, "CRM event handler {Handler} failed on {Event}.", handler.GetType().Name, domainEvent.GetType().Name);
                }
            }
        }
    }
}
