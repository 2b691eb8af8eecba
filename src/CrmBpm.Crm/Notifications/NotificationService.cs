using CrmBpm.Crm.Common;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Notifications;

/// <summary>
/// A user's own notifications: list them (newest first, paged, optionally only the unread), count the unread, mark one or all
/// read. Every call names the reader, and a notification of anyone else is "not found" to them, never shown or changed.
/// The <see cref="NotificationWriter"/> writes them inside the engine commands that raise them.
/// </summary>
public sealed class NotificationService
{
    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 100;

    private readonly CrmCommands _commands;

    internal NotificationService(CrmCommands commands) => _commands = commands;

    /// <summary>The reader's notifications, newest first; <paramref name="page"/> counts from 1.</summary>
    public Task<NotificationPage> ListAsync(string readerId, bool unreadOnly = false, int page = 1, int pageSize = 20, CancellationToken cancellationToken = default)
    {
        Guard.Required(readerId, "readerId", "The reader", 200);
        if (page < 1)
        {
            throw new InputException("notification.page", "page", $"page must be 1 or more (was {page}).");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new InputException("notification.page-size", "pageSize", $"pageSize must be between 1 and {MaxPageSize} (was {pageSize}).");
        }

        return _commands.ReadAsync(async session =>
        {
            var all = await session.Notifications.ListAsync(n => n.RecipientId == readerId, cancellationToken).ConfigureAwait(false);
            var unread = all.Count(n => n.ReadAt == null);
            var listed = all.Where(n => !unreadOnly || n.ReadAt == null).OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).ToList();
            return new NotificationPage([.. listed.Skip((page - 1) * pageSize).Take(pageSize)], listed.Count, unread);
        }, cancellationToken);
    }

    /// <summary>How many of the reader's notifications are unread.</summary>
    public Task<int> UnreadCountAsync(string readerId, CancellationToken cancellationToken = default)
    {
        Guard.Required(readerId, "readerId", "The reader", 200);
        return _commands.ReadAsync(async session =>
            (await session.Notifications.ListAsync(n => n.RecipientId == readerId && n.ReadAt == null, cancellationToken).ConfigureAwait(false)).Count, cancellationToken);
    }

    /// <summary>One of the reader's notifications.</summary>
    /// <exception cref="NotFoundException">There is none with this id for this reader.</exception>
    public Task<Notification> GetAsync(string readerId, Guid id, CancellationToken cancellationToken = default)
    {
        Guard.Required(readerId, "readerId", "The reader", 200);
        return _commands.ReadAsync(session => FindOwnAsync(session, readerId, id, cancellationToken), cancellationToken);
    }

    /// <summary>Marks one of the reader's notifications read (again: no change).</summary>
    /// <exception cref="NotFoundException">There is none with this id for this reader.</exception>
    public Task<Notification> MarkReadAsync(string readerId, Guid id, CancellationToken cancellationToken = default)
    {
        Guard.Required(readerId, "readerId", "The reader", 200);
        return _commands.RunAsync(async session =>
        {
            var notification = await FindOwnAsync(session, readerId, id, cancellationToken).ConfigureAwait(false);
            notification.MarkRead(_commands.Now);
            return notification;
        }, cancellationToken);
    }

    /// <summary>Marks every unread notification of the reader read; returns how many were.</summary>
    public Task<int> MarkAllReadAsync(string readerId, CancellationToken cancellationToken = default)
    {
        Guard.Required(readerId, "readerId", "The reader", 200);
        return _commands.RunAsync(async session =>
        {
            var unread = await session.Notifications.ListAsync(n => n.RecipientId == readerId && n.ReadAt == null, cancellationToken).ConfigureAwait(false);
            foreach (var notification in unread)
            {
                notification.MarkRead(_commands.Now);
            }

            return unread.Count;
        }, cancellationToken);
    }

    private static async Task<Notification> FindOwnAsync(Persistence.ICrmSession session, string readerId, Guid id, CancellationToken cancellationToken) =>
        await session.Notifications.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } found && found.RecipientId == readerId
            ? found
            : throw new NotFoundException("notification.not-found", $"Notification {id} not found.");
}

/// <summary>A page of a reader's notifications: <see cref="TotalCount"/> matching the filter, <see cref="UnreadCount"/> in all.</summary>
public sealed record NotificationPage(IReadOnlyList<Notification> Items, int TotalCount, int UnreadCount);
