using CrmBpm.Crm.Common;
using CrmBpm.Crm.Duplicates;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Partners;

/// <summary>
/// A business partner: a holding or a company we have relations with. Its legal entities are
/// <see cref="Counterparty"/>s and its people <see cref="Contact"/>s.
/// </summary>
public sealed class Partner : AggregateRoot
{
    private Partner()
    {
    }

    /// <summary>Registers a partner; phone must already be E.164 (see <see cref="Phones.PhoneNumbers"/>).</summary>
    public Partner(string name, PartnerKind kind, PartnerRelations relations, string? phone, string? email, Guid? holdingId, string createdBy, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        Rename(name);
        Kind = kind;
        Relations = relations;
        Phone = phone;
        Email = Guard.Email(email, "email");
        if (holdingId is not null && kind == PartnerKind.Holding)
        {
            throw new InputException("partner.holding-in-holding", "holdingId", "A holding cannot belong to another holding.");
        }

        HoldingId = holdingId;
        CreatedBy = createdBy;
        CreatedAt = at;
    }

    /// <summary>Display name, e.g. "ACME GmbH".</summary>
    public string Name { get; private set; } = "";

    /// <summary>The name without case, punctuation and legal form ("acme"), for duplicate checks.</summary>
    public string NormalizedName { get; private set; } = "";

    /// <summary>Holding or company.</summary>
    public PartnerKind Kind { get; private set; }

    /// <summary>Customer, supplier, competitor, other.</summary>
    public PartnerRelations Relations { get; private set; }

    /// <summary>The holding the company belongs to.</summary>
    public Guid? HoldingId { get; private set; }

    /// <summary>Main phone in E.164.</summary>
    public string? Phone { get; private set; }

    /// <summary>Main e-mail.</summary>
    public string? Email { get; private set; }

    /// <summary>The lead this partner was created from.</summary>
    public Guid? SourceLeadId { get; private set; }

    /// <summary>Who registered it.</summary>
    public string CreatedBy { get; private set; } = "";

    /// <summary>When it was registered.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Changes the name.</summary>
    public void Rename(string name)
    {
        Name = Guard.Required(name, "name", "A partner name", 300);
        NormalizedName = CompanyNames.Normalize(Name);
    }

    /// <summary>Adds relations (e.g. a supplier becomes a customer too).</summary>
    public void AddRelations(PartnerRelations relations) => Relations |= relations;

    /// <summary>Changes the main phone (E.164) and e-mail.</summary>
    public void ChangeContactDetails(string? phone, string? email)
    {
        Phone = phone;
        Email = Guard.Email(email, "email");
    }

    internal void MarkCreatedFromLead(Guid leadId) => SourceLeadId = leadId;
}
