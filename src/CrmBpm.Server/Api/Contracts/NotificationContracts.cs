using CrmBpm.Crm.Notifications;
using CrmBpm.Server.Notifications;

namespace CrmBpm.Server.Api.Contracts;

/// <summary>
/// One of my notifications: what it tells (<see cref="Kind"/>, <see cref="Detail"/>) about which record (<see cref="SubjectType"/>,
/// <see cref="SubjectId"/>, <see cref="Title"/>, and <see cref="Link"/>, the page to open). The sentence is the client's to render
/// in its reader's language.
/// </summary>
public sealed record NotificationDto(
    Guid Id, NotificationKind Kind, string SubjectType, string SubjectId, string Title, string? Detail, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    /// <summary>The DTO of a notification.</summary>
    public static NotificationDto Of(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new(n.Id, n.Kind, n.SubjectType, n.SubjectId, n.Title, n.Detail, NotificationLinks.Of(n), n.CreatedAt, n.ReadAt);
    }
}

/// <summary>A page of my notifications, newest first, with how many of all of them are unread.</summary>
public sealed record NotificationListDto(IReadOnlyList<NotificationDto> Items, int Page, int PageSize, long Total, int Unread);

/// <summary>How many of my notifications are unread.</summary>
public sealed record UnreadNotificationsDto(int Unread);

/// <summary>How many notifications a "mark all read" marked.</summary>
public sealed record MarkedReadDto(int Marked);
