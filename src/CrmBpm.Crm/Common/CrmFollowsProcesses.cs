using CrmBpm.Crm.Persistence;
using CrmBpm.Engine.Events;

namespace CrmBpm.Crm.Common;

/// <summary>
/// The CRM's part of every engine command: inside the command's transaction, each <see cref="IProcessFollower"/> applies the
/// command's events to the records bound to its processes, in one CRM unit of work enlisted in the command's. A deal's stage,
/// an instruction's state and a claim's plan therefore commit with the process step that moved them, or not at all, and a
/// crash at any moment leaves the CRM and its processes in agreement. A CRM change the command was called for
/// (<see cref="JoinedCrmChange"/>: a deal opened with its process) is applied first, in the same unit of work. The CRM's own
/// events are published after the commit.
/// </summary>
internal sealed class CrmFollowsProcesses(ICrmStore store, DomainEventPublisher publisher, IEnumerable<IProcessFollower> followers) : IEngineTransactionHandler
{
    private readonly IProcessFollower[] _followers = [.. followers];

    public async Task HandleAsync(EngineTransaction transaction, IReadOnlyList<EngineEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(events);
        var following = new ProcessFollowing(transaction, store);
        if (transaction.JoinedWork is JoinedCrmChange joined)
        {
            await joined.ApplyAsync(await following.SessionAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        foreach (var engineEvent in events)
        {
            foreach (var follower in _followers)
            {
                await follower.FollowAsync(following, engineEvent, cancellationToken).ConfigureAwait(false);
            }
        }

        if (following.OpenedSession is { } session)
        {
            var domainEvents = await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            transaction.AfterCommit(ct => publisher.PublishAsync(domainEvents, ct));
        }
    }
}
