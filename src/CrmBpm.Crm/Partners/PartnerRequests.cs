namespace CrmBpm.Crm.Partners;

/// <summary>What is needed to register a partner; a tax id also registers its first counterparty.</summary>
public sealed record RegisterPartner
{
    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>Holding or company.</summary>
    public PartnerKind Kind { get; init; } = PartnerKind.Company;

    /// <summary>Customer, supplier, ...</summary>
    public PartnerRelations Relations { get; init; } = PartnerRelations.Customer;

    /// <summary>The holding a company belongs to.</summary>
    public Guid? HoldingId { get; init; }

    /// <summary>Main phone in any common notation; stored as E.164.</summary>
    public string? Phone { get; init; }

    /// <summary>Main e-mail.</summary>
    public string? Email { get; init; }

    /// <summary>Legal name of the first counterparty (defaults to <see cref="Name"/> when a tax id is given).</summary>
    public string? LegalName { get; init; }

    /// <summary>Tax id of the first counterparty.</summary>
    public string? TaxId { get; init; }

    /// <summary>Register even if the duplicate check finds matches.</summary>
    public bool AllowDuplicates { get; init; }

    /// <summary>Who registers it.</summary>
    public required string RegisteredBy { get; init; }
}

/// <summary>A new contact person of a partner.</summary>
public sealed record AddContact
{
    /// <summary>Full name.</summary>
    public required string Name { get; init; }

    /// <summary>Phone in any common notation; stored as E.164.</summary>
    public string? Phone { get; init; }

    /// <summary>E-mail.</summary>
    public string? Email { get; init; }

    /// <summary>Job title.</summary>
    public string? Position { get; init; }

    /// <summary>Add even if another contact has the same phone or e-mail.</summary>
    public bool AllowDuplicates { get; init; }
}
