namespace CrmBpm.Crm.Leads;

/// <summary>What is needed to register a lead.</summary>
public sealed record RegisterLead
{
    /// <summary>Company name.</summary>
    public required string CompanyName { get; init; }

    /// <summary>The person who enquired.</summary>
    public string? ContactName { get; init; }

    /// <summary>Phone in any common notation; stored as E.164.</summary>
    public string? Phone { get; init; }

    /// <summary>E-mail.</summary>
    public string? Email { get; init; }

    /// <summary>Tax id, if known.</summary>
    public string? TaxId { get; init; }

    /// <summary>Advertising channel.</summary>
    public string? AdChannel { get; init; }

    /// <summary>What the lead asked for.</summary>
    public string? PrimaryDemand { get; init; }

    /// <summary>Responsible manager.</summary>
    public required string OwnerId { get; init; }

    /// <summary>Register even if the duplicate check finds matches.</summary>
    public bool AllowDuplicates { get; init; }
}
