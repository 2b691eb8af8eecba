using System.Collections.Concurrent;
using CrmBpm.Engine.Events;

namespace CrmBpm.Server.Live;

/// <summary>
/// Tells open pages that someone's tasks may have changed: a task was created, completed, cancelled, accepted,
/// redirected, postponed, returned to its pool or went overdue. A component subscribes, re-runs its own query when told
/// and disposes the subscription with itself. The signal carries nothing on purpose: what a user may see is decided by
/// their query (<see cref="Tasks.VisibleTasks"/>), never by an event's payload, so the scope rules hold.
/// </summary>
/// <remarks>
/// <para>
/// The feed is an engine event handler: the engine calls it after a command committed, in the command's flow, so it
/// only flags the subscriptions and returns; each subscription runs its callback on the thread pool, never two at once,
/// and a burst of signals (one completion that creates the next task raises two events) collapses into one run.
/// </para>
/// <para>
/// <b>Per node.</b> Engine events are in-process. With several server nodes on one PostgreSQL database a page hears
/// only about tasks changed through its own node; a task created on another node shows on the next refresh, navigation
/// or change on this node. Crossing nodes would need a database notification (PostgreSQL LISTEN/NOTIFY) feeding this
/// same <see cref="Signal"/>.
/// </para>
/// </remarks>
public sealed partial class TaskFeed(ILogger<TaskFeed> logger) : IEngineEventHandler
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();
    private readonly ILogger<TaskFeed> _logger = logger;

    /// <summary>Number of live subscriptions (a page that forgot to unsubscribe shows here).</summary>
    public int SubscriberCount => _subscriptions.Count;

    /// <summary>
    /// Calls <paramref name="onChange"/> after tasks changed, until the returned subscription is disposed. Components
    /// pass <c>() =&gt; InvokeAsync(ReloadAsync)</c>, which brings the call onto their renderer.
    /// </summary>
    public IDisposable Subscribe(Func<Task> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        var subscription = new Subscription(this, onChange);
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>Tells every subscriber that tasks changed.</summary>
    public void Signal()
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            subscription.Signal();
        }
    }

    /// <inheritdoc />
    Task IEngineEventHandler.HandleAsync(EngineEvent engineEvent, CancellationToken cancellationToken)
    {
        if (engineEvent is TaskCreated or TaskCompleted or TaskCancelled or TaskChanged or TaskDeadlineReached)
        {
            Signal();
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A My tasks subscriber failed to refresh.")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);

    private sealed class Subscription(TaskFeed feed, Func<Task> onChange) : IDisposable
    {
        private readonly Lock _gate = new();
        private bool _running;
        private bool _again;
        private bool _disposed;

        public void Signal()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _again = true;
                if (_running)
                {
                    return;
                }

                _running = true;
            }

            // Off the engine's command: the subscriber's query must not delay the command that raised the event.
            _ = Task.Run(RunAsync);
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
            }

            feed._subscriptions.TryRemove(this, out _);
        }

        private async Task RunAsync()
        {
            while (true)
            {
                lock (_gate)
                {
                    if (!_again || _disposed)
                    {
                        _running = false;
                        return;
                    }

                    _again = false;
                }

                try
                {
                    await onChange();
                }
#pragma warning disable CA1031 // One subscriber's failure (a circuit that just closed) must not stop its later signals.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogSubscriberFailed(feed._logger, ex);
                }
            }
        }
    }
}
