using System.Security.Claims;
using CrmBpm.Crm.Notifications;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBpm.Server.Api;

/// <summary>
/// /api/notifications: the signed-in user's own in-app notifications, whatever their role. Nobody reads or marks anyone
/// else's: another person's notification is 404, like one that does not exist.
/// </summary>
public static class NotificationsEndpoints
{
    /// <summary>Maps the notification endpoints.</summary>
    public static RouteGroupBuilder MapNotificationsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");
        group.MapGet("/", ListNotifications).WithName("ListNotifications")
            .WithSummary("My notifications, newest first, paginated; unreadOnly=true for the unread ones only.");
        group.MapGet("/unread-count", CountUnreadNotifications).WithName("CountUnreadNotifications").WithSummary("How many of my notifications are unread.");
        group.MapGet("/{notificationId:guid}", GetNotification).WithName("GetNotification").WithSummary("One of my notifications.");
        group.MapPost("/{notificationId:guid}/read", MarkNotificationRead).WithName("MarkNotificationRead")
            .WithSummary("Marks one of my notifications read (again: no change).");
        group.MapPost("/read-all", MarkAllNotificationsRead).WithName("MarkAllNotificationsRead").WithSummary("Marks all my notifications read.");
        return api;
    }

    /// <summary>The list.</summary>
    public static async Task<Ok<NotificationListDto>> ListNotifications(
        ClaimsPrincipal user, NotificationService notifications, bool? unreadOnly, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize is > NotificationService.MaxPageSize ? NotificationService.MaxPageSize : pageSize);
        var found = await notifications.ListAsync(Reader(user), unreadOnly ?? false, paging.Page, paging.PageSize, cancellationToken);
        return TypedResults.Ok(new NotificationListDto([.. found.Items.Select(NotificationDto.Of)], paging.Page, paging.PageSize, found.TotalCount, found.UnreadCount));
    }

    /// <summary>The unread count.</summary>
    public static async Task<Ok<UnreadNotificationsDto>> CountUnreadNotifications(ClaimsPrincipal user, NotificationService notifications, CancellationToken cancellationToken) =>
        TypedResults.Ok(new UnreadNotificationsDto(await notifications.UnreadCountAsync(Reader(user), cancellationToken)));

    /// <summary>One.</summary>
    public static async Task<Ok<NotificationDto>> GetNotification(Guid notificationId, ClaimsPrincipal user, NotificationService notifications, CancellationToken cancellationToken) =>
        TypedResults.Ok(NotificationDto.Of(await notifications.GetAsync(Reader(user), notificationId, cancellationToken)));

    /// <summary>Mark one read.</summary>
    public static async Task<Ok<NotificationDto>> MarkNotificationRead(Guid notificationId, ClaimsPrincipal user, NotificationService notifications, CancellationToken cancellationToken) =>
        TypedResults.Ok(NotificationDto.Of(await notifications.MarkReadAsync(Reader(user), notificationId, cancellationToken)));

    /// <summary>Mark all read.</summary>
    public static async Task<Ok<MarkedReadDto>> MarkAllNotificationsRead(ClaimsPrincipal user, NotificationService notifications, CancellationToken cancellationToken) =>
        TypedResults.Ok(new MarkedReadDto(await notifications.MarkAllReadAsync(Reader(user), cancellationToken)));

    private static string Reader(ClaimsPrincipal user) => CurrentUser.From(user).Id;
}
