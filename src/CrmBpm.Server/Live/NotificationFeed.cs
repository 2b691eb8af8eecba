using CrmBpm.Engine.Events;

namespace CrmBpm.Server.Live;

/// <summary>
/// Tells open bells and notification lists that someone's notifications may have changed: an engine command that can write
/// notifications (a task created, redirected, completed, a reminder, a deadline, an escalation) committed, or someone marked
/// theirs read. Like <see cref="TaskFeed"/> (whose coalescing subscriptions it reuses) the signal carries nothing: each
/// subscriber re-reads its own user's notifications, so nobody learns of anyone else's. Per node, like <see cref="TaskFeed"/>.
/// </summary>
/// <remarks>
/// Every open bell re-counts on every such event; the count is one indexed query (recipient, read at). With many users
/// online a per-recipient signal would be the next step (the writer knows the recipients); not needed for this slice.
/// </remarks>
public sealed class NotificationFeed(ILogger<TaskFeed> logger) : IEngineEventHandler
{
    private readonly TaskFeed _subscriptions = new(logger);

    /// <summary>Number of live subscriptions.</summary>
    public int SubscriberCount => _subscriptions.SubscriberCount;

    /// <summary>Calls <paramref name="onChange"/> after notifications may have changed, until the subscription is disposed.</summary>
    public IDisposable Subscribe(Func<Task> onChange) => _subscriptions.Subscribe(onChange);

    /// <summary>Tells every subscriber (after a mark read, so the user's other tabs and the bell follow).</summary>
    public void Signal() => _subscriptions.Signal();

    /// <inheritdoc />
    Task IEngineEventHandler.HandleAsync(EngineEvent engineEvent, CancellationToken cancellationToken)
    {
        if (engineEvent is TaskCreated or TaskChanged or TaskCompleted or TaskReminderDue or TaskDeadlineReached or TaskEscalated)
        {
            Signal();
        }

        return Task.CompletedTask;
    }
}
