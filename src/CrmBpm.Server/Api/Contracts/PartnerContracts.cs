using CrmBpm.Crm.Partners;

namespace CrmBpm.Server.Api.Contracts;

/// <summary>A partner in lists.</summary>
public sealed record PartnerDto(Guid Id, string Name, PartnerKind Kind, PartnerRelations Relations, Guid? HoldingId, string? Phone, string? Email, Guid? SourceLeadId, string CreatedBy, DateTimeOffset CreatedAt)
{
    /// <summary>Maps a partner.</summary>
    public static PartnerDto From(Partner p) => new(p.Id, p.Name, p.Kind, p.Relations, p.HoldingId, p.Phone, p.Email, p.SourceLeadId, p.CreatedBy, p.CreatedAt);
}

/// <summary>A legal entity of a partner.</summary>
public sealed record CounterpartyDto(Guid Id, Guid PartnerId, string Name, string? TaxId)
{
    /// <summary>Maps a counterparty.</summary>
    public static CounterpartyDto From(Counterparty c) => new(c.Id, c.PartnerId, c.Name, c.TaxId);
}

/// <summary>A contact person of a partner.</summary>
public sealed record ContactDto(Guid Id, Guid PartnerId, string Name, string? Phone, string? Email, string Position)
{
    /// <summary>Maps a contact.</summary>
    public static ContactDto From(Contact c) => new(c.Id, c.PartnerId, c.Name, c.Phone, c.Email, c.Position);
}

/// <summary>A partner card: the partner, its counterparties and contacts.</summary>
public sealed record PartnerDetails(PartnerDto Partner, IReadOnlyList<CounterpartyDto> Counterparties, IReadOnlyList<ContactDto> Contacts);

/// <summary>Registering a partner (with its first counterparty when a legal name or tax id is given).</summary>
public sealed record RegisterPartnerRequest(
    string? Name, PartnerKind? Kind, PartnerRelations? Relations, Guid? HoldingId, string? Phone, string? Email,
    string? LegalName, string? TaxId, bool AllowDuplicates);

/// <summary>What to look for before registering.</summary>
public sealed record DuplicateCheckRequest(string? Name, string? TaxId, string? Phone, string? Email);

/// <summary>Adding a legal entity.</summary>
public sealed record AddCounterpartyRequest(string? LegalName, string? TaxId, bool AllowDuplicates);

/// <summary>Adding a contact person.</summary>
public sealed record AddContactRequest(string? Name, string? Phone, string? Email, string? Position, bool AllowDuplicates);
