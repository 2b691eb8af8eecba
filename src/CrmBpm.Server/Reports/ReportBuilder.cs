using CrmBpm.Crm.Catalogues;
using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Deals;
using CrmBpm.Server.Identity;

namespace CrmBpm.Server.Reports;

/// <summary>Reads what the signed-in Head (their team's deals and claims) or Administrator (all) may see, and builds the report.</summary>
public sealed class ReportBuilder(WorkScope work, DealService deals, ClaimService claims, CatalogueService catalogues)
{
    /// <summary>The report; <paramref name="noStageLabel"/> names deals in work without a stage, in the user's language.</summary>
    /// <exception cref="Engine.Errors.ForbiddenException">The user is neither a Head nor an Administrator.</exception>
    public async Task<SalesAndClaimsReport> BuildAsync(string noStageLabel, CancellationToken cancellationToken = default)
    {
        if (!work.User.IsHead && !work.User.IsAdministrator)
        {
            throw new Engine.Errors.ForbiddenException("reports.head-only", "Only a Head or an Administrator sees the reports.");
        }

        var visibleDeals = new List<Deal>();
        foreach (var deal in await deals.ListAsync(cancellationToken: cancellationToken))
        {
            if (await work.CanSeeDealAsync(deal, cancellationToken))
            {
                visibleDeals.Add(deal);
            }
        }

        var visibleClaims = new List<Claim>();
        foreach (var claim in await claims.ListAsync(cancellationToken: cancellationToken))
        {
            if (await work.CoversUserAsync(claim.ResponsibleId, cancellationToken))
            {
                visibleClaims.Add(claim);
            }
        }

        return SalesAndClaimsReport.Build(
            visibleDeals,
            visibleClaims,
            await catalogues.ListAsync(CatalogueKind.SalesStage, cancellationToken: cancellationToken),
            await catalogues.ListAsync(CatalogueKind.LossReason, includeArchived: true, cancellationToken),
            await catalogues.ListAsync(CatalogueKind.ClaimReason, includeArchived: true, cancellationToken),
            noStageLabel);
    }
}
