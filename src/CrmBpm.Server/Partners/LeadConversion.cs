using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Leads;
using CrmBpm.Server.Api;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;

namespace CrmBpm.Server.Partners;

/// <summary>
/// Converts a lead the way the CRM defines it: by opening its first deal, managed by the user who converts it, which
/// turns the lead into a partner (+ counterparty with a tax id, + contact), or attaches it to an existing partner. The
/// API and the lead card both convert through here.
/// </summary>
public static class LeadConversion
{
    /// <summary>Validates the request and opens the lead's first deal.</summary>
    /// <exception cref="CrmBpm.Engine.Errors.InputException">A field is missing or wrong (named).</exception>
    /// <exception cref="CrmBpm.Crm.Duplicates.DuplicateRecordException">The new partner collides with existing records.</exception>
    public static async Task<Deal> ConvertAsync(
        Guid leadId, ConvertLeadRequest request, CurrentUser user, LeadService leads, DealService deals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(deals);
        var lead = await leads.GetAsync(leadId, cancellationToken);
        new Check().Required(request.Title, "title").That(request.PotentialAmount is null or >= 0, "potentialAmount", "potentialAmount must not be negative.")
            .That(request.Kind != DealKind.ProcessControlled || !string.IsNullOrWhiteSpace(request.RouteMapKey), "routeMapKey", "A process-controlled deal needs routeMapKey.")
            .ThrowIfAny();
        return await deals.OpenAsync(new OpenDeal
        {
            Details = new DealDetails { Title = request.Title!, PotentialAmount = request.PotentialAmount ?? 0, PrimaryDemand = lead.PrimaryDemand, AdChannel = lead.AdChannel },
            LeadId = leadId, PartnerId = request.PartnerId, ManagerId = user.Id, OpenedBy = user.Id,
            Kind = request.Kind ?? DealKind.ManualStages, RouteMapKey = request.RouteMapKey, Stage = request.Stage, AllowDuplicates = request.AllowDuplicates,
        }, cancellationToken);
    }
}
