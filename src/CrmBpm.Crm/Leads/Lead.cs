using CrmBpm.Crm.Common;
using CrmBpm.Crm.Duplicates;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Leads;

/// <summary>
/// A prospective customer not yet registered as a partner (1C has no such entity: there every enquiry becomes a
/// partner at once). Opening the first deal for a lead converts it: a partner and a contact are created from it.
/// </summary>
public sealed class Lead : AggregateRoot
{
    private Lead()
    {
    }

    /// <summary>Registers a lead; <paramref name="phone"/> must already be E.164.</summary>
    public Lead(string companyName, string? contactName, string? phone, string? email, string? taxId, string? adChannel, string? primaryDemand, string ownerId, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        CompanyName = Guard.Required(companyName, "companyName", "A company name", 300);
        NormalizedCompanyName = CompanyNames.Normalize(CompanyName);
        ContactName = Guard.Optional(contactName, "contactName", "A contact name", 200);
        Phone = phone;
        Email = Guard.Email(email, "email");
        TaxId = TaxIds.Normalize(taxId);
        AdChannel = Guard.Optional(adChannel, "adChannel", "An ad channel", 200);
        PrimaryDemand = Guard.Optional(primaryDemand, "primaryDemand", "A primary demand");
        OwnerId = Guard.Required(ownerId, "ownerId", "The owner", 200);
        CreatedAt = at;
        Raise(new LeadRegistered(Id, CompanyName, at));
    }

    /// <summary>Company name as given.</summary>
    public string CompanyName { get; private set; } = "";

    /// <summary>Name for duplicate checks.</summary>
    public string NormalizedCompanyName { get; private set; } = "";

    /// <summary>The person who enquired.</summary>
    public string ContactName { get; private set; } = "";

    /// <summary>Phone in E.164.</summary>
    public string? Phone { get; private set; }

    /// <summary>E-mail.</summary>
    public string? Email { get; private set; }

    /// <summary>Tax id, normalised.</summary>
    public string? TaxId { get; private set; }

    /// <summary>Where the lead came from (advertising channel).</summary>
    public string AdChannel { get; private set; } = "";

    /// <summary>What the lead asked for.</summary>
    public string PrimaryDemand { get; private set; } = "";

    /// <summary>The manager responsible.</summary>
    public string OwnerId { get; private set; } = "";

    /// <summary>Lifecycle state.</summary>
    public LeadStatus Status { get; private set; }

    /// <summary>Why it was discarded.</summary>
    public string? DiscardReason { get; private set; }

    /// <summary>The partner it became.</summary>
    public Guid? PartnerId { get; private set; }

    /// <summary>The contact it became.</summary>
    public Guid? ContactId { get; private set; }

    /// <summary>The deal that converted it.</summary>
    public Guid? FirstDealId { get; private set; }

    /// <summary>When it was registered.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it was converted or discarded.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Records the conversion on the first deal.</summary>
    public void Convert(Guid partnerId, Guid? contactId, Guid dealId, DateTimeOffset at)
    {
        EnsureOpen("converted");
        Status = LeadStatus.Converted;
        PartnerId = partnerId;
        ContactId = contactId;
        FirstDealId = dealId;
        ClosedAt = at;
        Raise(new LeadConverted(Id, partnerId, contactId, dealId, at));
    }

    /// <summary>Discards the lead.</summary>
    public void Discard(string reason, DateTimeOffset at)
    {
        EnsureOpen("discarded");
        DiscardReason = Guard.Required(reason, "reason", "A reason", 1000);
        Status = LeadStatus.Discarded;
        ClosedAt = at;
    }

    private void EnsureOpen(string verb)
    {
        if (Status == LeadStatus.Converted)
        {
            throw new ConflictException("lead.already-converted", $"Lead '{CompanyName}' was already converted into partner {PartnerId} by deal {FirstDealId}; it cannot be {verb} again.");
        }

        if (Status == LeadStatus.Discarded)
        {
            throw new ConflictException("lead.discarded", $"Lead '{CompanyName}' was discarded ({DiscardReason}); it cannot be {verb}.");
        }
    }
}
