using CrmBpm.Crm.Common;

namespace CrmBpm.Crm.Notifications;

/// <summary>
/// One thing one person should know about, kept until they read it: its <see cref="Kind"/> and the record it is about (a task,
/// a deal, a claim, an instruction: <see cref="SubjectType"/>, <see cref="SubjectId"/>, <see cref="Title"/>), so a reader opens
/// what it points at. <see cref="Detail"/> carries the one datum a kind needs beyond
/// that (the escalation step's kind, who returned an instruction); the text is rendered from kind and data in the reader's
/// language. Only <see cref="MarkRead"/> changes it.
/// </summary>
public sealed class Notification : AggregateRoot
{
    /// <summary>
    /// Most members of one pool told about one pool task. A pool is a role (with an addressing object) that a handful of
    /// people share; a pool larger than this is a broadcast, which notifications are not for, and the bound keeps one
    /// command's write small. Members beyond it (in the directory's order) are not told; the task still shows in their pool.
    /// </summary>
    public const int PoolMemberLimit = 50;

    /// <summary>Longest title kept; a longer one is cut with an ellipsis.</summary>
    public const int TitleMaxLength = 500;

    private Notification()
    {
    }

    /// <summary>Creates an unread notification for <paramref name="recipientId"/>.</summary>
    public Notification(string recipientId, NotificationKind kind, string subjectType, string subjectId, string title, string? detail, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        RecipientId = Guard.Required(recipientId, "recipientId", "The recipient", 200);
        Kind = kind;
        SubjectType = Guard.Required(subjectType, "subjectType", "The subject type", 50);
        SubjectId = Guard.Required(subjectId, "subjectId", "The subject id", 200);
        Title = title.Length > TitleMaxLength ? string.Concat(title.AsSpan(0, TitleMaxLength - 1), "…") : title;
        Detail = detail is { Length: > 200 } ? detail[..200] : detail;
        CreatedAt = at;
    }

    /// <summary>The user it is for.</summary>
    public string RecipientId { get; private set; } = "";

    /// <summary>What it tells.</summary>
    public NotificationKind Kind { get; private set; }

    /// <summary>What it is about: <c>task</c>, <c>deal</c>, <c>claim</c>, <c>instruction</c>, … (a subject type).</summary>
    public string SubjectType { get; private set; } = "";

    /// <summary>The id of what it is about.</summary>
    public string SubjectId { get; private set; } = "";

    /// <summary>The title of what it is about, as it was when the notification was written.</summary>
    public string Title { get; private set; } = "";

    /// <summary>The kind's one extra datum, or null (an escalation step's kind, the person who returned an instruction).</summary>
    public string? Detail { get; private set; }

    /// <summary>When it was written.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When its recipient read it; null while unread.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>True once read.</summary>
    public bool IsRead => ReadAt is not null;

    /// <summary>Marks it read at <paramref name="at"/>; reading it again keeps the first time.</summary>
    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}
