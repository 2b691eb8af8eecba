using CrmBpm.Crm.Partners;

namespace CrmBpm.Crm.Deals;

/// <summary>Who a new deal is with, and the records a lead's conversion creates for it (none for an existing partner).</summary>
internal sealed record DealParties(Guid PartnerId, Guid? ContactId)
{
    public Guid? LeadToConvert { get; init; }

    public Partner? NewPartner { get; init; }

    public Counterparty? NewCounterparty { get; init; }

    public Contact? NewContact { get; init; }
}
