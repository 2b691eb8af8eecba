using CrmBpm.Crm.Common;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Crm.Interactions;

/// <summary>
/// A meeting, call, e-mail, SMS or planned interaction, linked to a subject (deal, claim, ...) so interactions about
/// one subject form a chain, and optionally to the previous interaction it answers.
/// </summary>
public sealed class Interaction : AggregateRoot
{
    private Interaction()
    {
    }

    /// <summary>Records an interaction.</summary>
    public Interaction(InteractionKind kind, string topic, string? content, Guid? partnerId, Guid? contactId, SubjectReference? subject, Guid? previousId, string authorId, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        Topic = Guard.Required(topic, "topic", "A topic", 300);
        Content = Guard.Optional(content, "content", "The content", 20_000);
        PartnerId = partnerId;
        ContactId = contactId;
        SubjectType = subject?.Type;
        SubjectId = subject?.Id;
        PreviousId = previousId;
        AuthorId = Guard.Required(authorId, "authorId", "The author", 200);
        At = at;
    }

    /// <summary>Meeting, call, ...</summary>
    public InteractionKind Kind { get; private set; }

    /// <summary>What it was about.</summary>
    public string Topic { get; private set; } = "";

    /// <summary>Notes, message text.</summary>
    public string Content { get; private set; } = "";

    /// <summary>The partner.</summary>
    public Guid? PartnerId { get; private set; }

    /// <summary>The contact person.</summary>
    public Guid? ContactId { get; private set; }

    /// <summary>Subject type (deal, claim, ...).</summary>
    public string? SubjectType { get; private set; }

    /// <summary>Subject id.</summary>
    public string? SubjectId { get; private set; }

    /// <summary>The interaction this one follows in the chain.</summary>
    public Guid? PreviousId { get; private set; }

    /// <summary>Who recorded it.</summary>
    public string AuthorId { get; private set; } = "";

    /// <summary>When it happened or is planned (the calendar date).</summary>
    public DateTimeOffset At { get; private set; }
}
