using CrmBpm.Crm.Persistence;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Common;

/// <summary>
/// Runs one unit of work: opens a session, runs the change, commits, publishes the domain events. On a concurrency
/// conflict the whole change is re-run from a fresh read, so it must only read and change through the session.
/// </summary>
internal sealed class CrmCommands(ICrmStore store, DomainEventPublisher publisher, CrmOptions options, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<T> RunAsync<T>(Func<ICrmSession, Task<T>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<IDomainEvent> events;
            T result;
            await using (session.ConfigureAwait(false))
            {
                result = await change(session).ConfigureAwait(false);
                try
                {
                    events = await session.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (ConcurrencyException) when (attempt < options.MaxConcurrencyRetries)
                {
                    continue;
                }
            }

            await publisher.PublishAsync(events, cancellationToken).ConfigureAwait(false);
            return result;
        }
    }

    public async Task<T> ReadAsync<T>(Func<ICrmSession, Task<T>> read, CancellationToken cancellationToken)
    {
        var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            return await read(session).ConfigureAwait(false);
        }
    }
}
