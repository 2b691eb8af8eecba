using CrmBpm.Crm.Catalogues;
using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Deals;

namespace CrmBpm.Server.Reports;

/// <summary>
/// The Head's reports over the deals and claims they may see: the funnel of deals in work by stage (catalogue order),
/// every stage shown even when empty so gaps are visible; how closed deals ended and why deals were lost; claims by reason.
/// </summary>
public sealed record SalesAndClaimsReport(
    IReadOnlyList<ReportBar> Funnel,
    ReportBar Won,
    ReportBar Lost,
    IReadOnlyList<ReportBar> LossReasons,
    IReadOnlyList<ReportBar> OpenClaimsByReason,
    int ClaimsSatisfied,
    int ClaimsNotSatisfied)
{
    /// <summary>Deals still in work without a stage (non-process deals): listed under this label in the funnel.</summary>
    public const string NoStageLabel = "—";

    /// <summary>Share of closed deals won, or null when none closed.</summary>
    public decimal? WinRate => Won.Count + Lost.Count == 0 ? null : Math.Round(100m * Won.Count / (Won.Count + Lost.Count), 0);

    /// <summary>Builds the report from records already limited to what the user may see.</summary>
    public static SalesAndClaimsReport Build(
        IReadOnlyList<Deal> deals, IReadOnlyList<Claim> claims, IReadOnlyList<CatalogueItem> stages,
        IReadOnlyList<CatalogueItem> lossReasons, IReadOnlyList<CatalogueItem> claimReasons, string noStageLabel = NoStageLabel)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(lossReasons);
        ArgumentNullException.ThrowIfNull(claimReasons);
        var inWork = deals.Where(d => d.Status == DealStatus.InWork).ToList();
        var funnel = stages.Select(stage => Bar(stage.Name, inWork.Where(d => d.Stage == stage.Code))).ToList();
        // A stage archived or renamed away from the catalogue still shows, under the name the deal carries.
        funnel.AddRange(inWork.Where(d => d.Stage is not null && stages.All(s => s.Code != d.Stage))
            .GroupBy(d => d.StageName ?? d.Stage!).Select(g => Bar(g.Key, g)));
        var withoutStage = inWork.Where(d => d.Stage is null).ToList();
        if (withoutStage.Count > 0)
        {
            funnel.Add(Bar(noStageLabel, withoutStage));
        }

        var lost = deals.Where(d => d.Status == DealStatus.Lost).ToList();
        var reasons = lost.GroupBy(d => d.LossReasonId)
            .Select(g => Bar(lossReasons.FirstOrDefault(r => r.Id == g.Key)?.Name ?? noStageLabel, g))
            .OrderByDescending(b => b.Count).ThenBy(b => b.Label, StringComparer.CurrentCulture).ToList();
        var openClaims = claims.Where(c => c.Status == ClaimStatus.InWork)
            .GroupBy(c => c.ReasonId)
            .Select(g => new ReportBar(claimReasons.FirstOrDefault(r => r.Id == g.Key)?.Name ?? noStageLabel, g.Count(), 0))
            .OrderByDescending(b => b.Count).ThenBy(b => b.Label, StringComparer.CurrentCulture).ToList();
        return new SalesAndClaimsReport(
            funnel,
            Bar("won", deals.Where(d => d.Status == DealStatus.Won)),
            Bar("lost", lost),
            reasons,
            openClaims,
            claims.Count(c => c.Result == ClaimResult.Satisfied),
            claims.Count(c => c.Result == ClaimResult.NotSatisfied));
    }

    private static ReportBar Bar(string label, IEnumerable<Deal> deals)
    {
        var list = deals as IReadOnlyCollection<Deal> ?? [.. deals];
        return new ReportBar(label, list.Count, list.Sum(d => d.PotentialAmount));
    }
}
