using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Leads;
using CrmBpm.Crm.Partners;
using CrmBpm.Server.Identity;

namespace CrmBpm.Server.Partners;

/// <summary>
/// Everything the partner card shows: the partner, its legal entities and people, the lead it came from, its claims,
/// and only its deals the user may see (<see cref="WorkScope.CanSeeDealAsync"/>: a Manager only their own, a Head the team's).
/// </summary>
public sealed record PartnerOverview(
    Partner Partner, IReadOnlyList<Counterparty> Counterparties, IReadOnlyList<Contact> Contacts, IReadOnlyList<Deal> Deals,
    IReadOnlyList<Claim> Claims, Partner? Holding)
{
    /// <summary>Loads the card of <paramref name="partnerId"/> as <paramref name="work"/>'s user sees it.</summary>
    /// <exception cref="CrmBpm.Engine.Errors.NotFoundException">There is no such partner.</exception>
    public static async Task<PartnerOverview> LoadAsync(
        Guid partnerId, PartnerService partners, DealService deals, ClaimService claims, WorkScope work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(work);
        var partner = await partners.GetAsync(partnerId, cancellationToken);
        var all = await deals.ListAsync(partnerId: partnerId, cancellationToken: cancellationToken);
        var visible = new List<Deal>();
        foreach (var deal in all.OrderByDescending(d => d.OpenedAt))
        {
            if (await work.CanSeeDealAsync(deal, cancellationToken))
            {
                visible.Add(deal);
            }
        }

        return new PartnerOverview(
            partner,
            await partners.CounterpartiesAsync(partnerId, cancellationToken),
            await partners.ContactsAsync(partnerId, cancellationToken),
            visible,
            [.. (await claims.ListAsync(partnerId, cancellationToken)).OrderByDescending(c => c.RegisteredAt)],
            partner.HoldingId is { } holdingId ? await partners.GetAsync(holdingId, cancellationToken) : null);
    }
}
