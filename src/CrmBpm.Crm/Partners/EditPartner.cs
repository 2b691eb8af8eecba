namespace CrmBpm.Crm.Partners;

/// <summary>Every field of a partner as the editor saves it (the whole card: what is left out is cleared).</summary>
public sealed record EditPartner
{
    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>Holding or company.</summary>
    public PartnerKind Kind { get; init; } = PartnerKind.Company;

    /// <summary>Customer, supplier, ...</summary>
    public PartnerRelations Relations { get; init; } = PartnerRelations.Customer;

    /// <summary>The holding a company belongs to.</summary>
    public Guid? HoldingId { get; init; }

    /// <summary>Phones (any common notation; stored as E.164), e-mails and addresses; the first phone and e-mail are the main ones.</summary>
    public ContactChannels Channels { get; init; } = new();

    /// <summary>Save even if the duplicate check finds another record with the new name, phone or e-mail.</summary>
    public bool AllowDuplicates { get; init; }

    /// <summary>The version the editor read; a partner saved by someone else since then is refused.</summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>Who edits.</summary>
    public required string EditedBy { get; init; }
}
