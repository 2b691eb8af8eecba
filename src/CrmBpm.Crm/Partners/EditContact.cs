namespace CrmBpm.Crm.Partners;

/// <summary>Every field of a contact person as the editor saves it (the whole card: what is left out is cleared).</summary>
public sealed record EditContact
{
    /// <summary>Full name.</summary>
    public required string Name { get; init; }

    /// <summary>Job title.</summary>
    public string? Position { get; init; }

    /// <summary>Phones (any common notation; stored as E.164), e-mails and addresses; the first phone and e-mail are the main ones.</summary>
    public ContactChannels Channels { get; init; } = new();

    /// <summary>Save even if another record has one of the new phones or e-mails.</summary>
    public bool AllowDuplicates { get; init; }

    /// <summary>The version the editor read; a contact saved by someone else since then is refused.</summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>Who edits.</summary>
    public required string EditedBy { get; init; }
}
