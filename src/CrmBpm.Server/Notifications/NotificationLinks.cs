using CrmBpm.Crm.Notifications;

namespace CrmBpm.Server.Notifications;

/// <summary>Where a notification takes its reader: the page of the task or record it is about.</summary>
public static class NotificationLinks
{
    /// <summary>The app-relative address of <paramref name="notification"/>'s subject, or null for a subject without a page.</summary>
    public static string? Of(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var id = Uri.EscapeDataString(notification.SubjectId);
        return notification.SubjectType switch
        {
            "task" => $"/tasks/{id}",
            "deal" => $"/deals/{id}",
            "claim" => $"/claims/{id}",
            "instruction" => $"/instructions/{id}",
            "partner" => $"/partners/{id}",
            "lead" => $"/leads/{id}",
            _ => null,
        };
    }
}
