using CrmBpm.Crm.Leads;
using CrmBpm.Crm.Persistence;

namespace CrmBpm.Crm.Deals;

/// <summary>
/// Everything opening a deal writes, prepared and checked before anything is written: the deal, and for a lead's first
/// deal the partner, counterparty and contact made from it and the lead to convert. A process-controlled deal is written
/// inside its process's start command (so the deal never exists without its process), which may run more than once;
/// <see cref="AddToAsync"/> therefore only adds the prepared records and converts the lead as that session finds it.
/// </summary>
internal sealed record DealOpening(Deal Deal, DealParties Parties)
{
    public async Task AddToAsync(ICrmSession session, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (Parties.NewPartner is not null)
        {
            session.Partners.Add(Parties.NewPartner);
        }

        if (Parties.NewCounterparty is not null)
        {
            session.Counterparties.Add(Parties.NewCounterparty);
        }

        if (Parties.NewContact is not null)
        {
            session.Contacts.Add(Parties.NewContact);
        }

        if (Parties.LeadToConvert is { } leadId)
        {
            // Refused (lead.already-converted) when another deal converted the lead since the opening was prepared.
            var lead = await LeadService.GetLeadAsync(session, leadId, cancellationToken).ConfigureAwait(false);
            lead.Convert(Deal.PartnerId, Deal.ContactId, Deal.Id, at);
        }

        session.Deals.Add(Deal);
    }
}
