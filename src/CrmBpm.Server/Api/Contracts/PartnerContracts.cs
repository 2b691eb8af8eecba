using CrmBpm.Crm.Common;
using CrmBpm.Crm.Partners;

namespace CrmBpm.Server.Api.Contracts;

/// <summary>A partner in lists.</summary>
public sealed record PartnerDto(
    Guid Id, string Name, PartnerKind Kind, PartnerRelations Relations, Guid? HoldingId, string? Phone, string? Email, Guid? SourceLeadId, string CreatedBy, DateTimeOffset CreatedAt,
    IReadOnlyList<ContactPhone> Phones, IReadOnlyList<ContactEmail> Emails, IReadOnlyList<ContactAddress> Addresses, long Version, IReadOnlyList<FieldChange> ChangeLog)
{
    /// <summary>Maps a partner.</summary>
    public static PartnerDto From(Partner p) => new(
        p.Id, p.Name, p.Kind, p.Relations, p.HoldingId, p.Phone, p.Email, p.SourceLeadId, p.CreatedBy, p.CreatedAt, p.Phones, p.Emails, p.Addresses, p.Version, p.ChangeLog);
}

/// <summary>A legal entity of a partner.</summary>
public sealed record CounterpartyDto(Guid Id, Guid PartnerId, string Name, string? TaxId)
{
    /// <summary>Maps a counterparty.</summary>
    public static CounterpartyDto From(Counterparty c) => new(c.Id, c.PartnerId, c.Name, c.TaxId);
}

/// <summary>A contact person of a partner.</summary>
public sealed record ContactDto(
    Guid Id, Guid PartnerId, string Name, string? Phone, string? Email, string Position,
    IReadOnlyList<ContactPhone> Phones, IReadOnlyList<ContactEmail> Emails, IReadOnlyList<ContactAddress> Addresses, long Version, IReadOnlyList<FieldChange> ChangeLog)
{
    /// <summary>Maps a contact.</summary>
    public static ContactDto From(Contact c) => new(c.Id, c.PartnerId, c.Name, c.Phone, c.Email, c.Position, c.Phones, c.Emails, c.Addresses, c.Version, c.ChangeLog);
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

/// <summary>A phone as sent: kind and number in any common notation (stored as E.164).</summary>
public sealed record PhoneRequest(PhoneKind? Kind, string? Number);

/// <summary>An e-mail as sent.</summary>
public sealed record EmailRequest(EmailKind? Kind, string? Address);

/// <summary>An address as sent: kind and one line of text.</summary>
public sealed record AddressRequest(AddressKind? Kind, string? Text);

/// <summary>
/// Correcting a partner: every field as the card shows it (lists replace the stored ones; the first phone and e-mail are
/// the main ones), with the <c>version</c> read. A new name, phone or e-mail colliding with another record is refused
/// with 409 naming it unless <c>allowDuplicates</c>.
/// </summary>
public sealed record EditPartnerRequest(
    long? Version, string? Name, PartnerKind? Kind, PartnerRelations? Relations, Guid? HoldingId,
    IReadOnlyList<PhoneRequest>? Phones, IReadOnlyList<EmailRequest>? Emails, IReadOnlyList<AddressRequest>? Addresses, bool AllowDuplicates);

/// <summary>Correcting a contact person: every field, with the <c>version</c> read.</summary>
public sealed record EditContactRequest(
    long? Version, string? Name, string? Position,
    IReadOnlyList<PhoneRequest>? Phones, IReadOnlyList<EmailRequest>? Emails, IReadOnlyList<AddressRequest>? Addresses, bool AllowDuplicates);
