using CrmBpm.Crm.Common;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Crm.Interactions;

/// <summary>
/// A meeting, call, e-mail, SMS or planned interaction, linked to a subject (deal, claim, ...) so interactions about
/// one subject form a chain, and optionally to the previous interaction it answers.
/// </summary>
public sealed class Interaction : AggregateRoot, IChangeLogged
{
    private readonly List<FieldChange> _changeLog = [];

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

    /// <summary>Every correction made by hand, oldest first.</summary>
    public IReadOnlyList<FieldChange> ChangeLog => _changeLog;

    string IChangeLogged.RecordType => "interaction";

    string IChangeLogged.DisplayName => Topic;

    /// <summary>Corrects kind, topic, content and date; each changed field goes into <see cref="ChangeLog"/>. Returns false when nothing changed.</summary>
    public bool Edit(InteractionKind kind, string topic, string? content, DateTimeOffset at, string by, DateTimeOffset now)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new Engine.Errors.InputException("input.invalid", "kind", $"'{kind}' is not a kind of interaction.");
        }

        var before = (Kind, Topic, Content, At);
        Topic = Guard.Required(topic, "topic", "A topic", 300);
        Content = Guard.Optional(content, "content", "The content", 20_000);
        Kind = kind;
        At = at;
        var changed = false;
        changed |= Common.ChangeLog.Record(_changeLog, "Kind", before.Kind.ToString(), Kind.ToString(), by, now);
        changed |= Common.ChangeLog.Record(_changeLog, "Topic", before.Topic, Topic, by, now);
        changed |= Common.ChangeLog.Record(_changeLog, "Content", before.Content, Content, by, now);
        changed |= Common.ChangeLog.Record(_changeLog, "At", Common.ChangeLog.Text(before.At), Common.ChangeLog.Text(At), by, now);
        return changed;
    }
}
