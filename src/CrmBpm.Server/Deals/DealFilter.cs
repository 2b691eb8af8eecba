using CrmBpm.Crm.Deals;
using CrmBpm.Server.Identity;

namespace CrmBpm.Server.Deals;

/// <summary>
/// Which deals a list shows: only those the user may see (<see cref="WorkScope"/>: a Manager their own, a Head the
/// team's, an Administrator all), narrowed by the filters, newest first. <c>GET /api/deals</c> and the Deals page both
/// list through it, so the two never disagree.
/// </summary>
public sealed record DealFilter
{
    /// <summary>In work, won or lost.</summary>
    public DealStatus? Status { get; init; }

    /// <summary>How stages are controlled.</summary>
    public DealKind? Kind { get; init; }

    /// <summary>The customer.</summary>
    public Guid? PartnerId { get; init; }

    /// <summary>The responsible manager (user id).</summary>
    public string? ManagerId { get; init; }

    /// <summary>A stage code or display name (case-insensitive).</summary>
    public string? Stage { get; init; }

    /// <summary>Text contained in the title or the partner's name (case-insensitive).</summary>
    public string? Search { get; init; }

    /// <summary>The visible deals that match, newest first.</summary>
    /// <param name="deals">The CRM's deals.</param>
    /// <param name="work">Whose deals may be seen.</param>
    /// <param name="partnerNames">Partner names by id, so <see cref="Search"/> finds deals by partner; null searches titles only.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyList<Deal>> ListAsync(DealService deals, WorkScope work, IReadOnlyDictionary<Guid, string>? partnerNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(work);
        var team = await work.TeamAsync(cancellationToken);
        var managerId = string.IsNullOrWhiteSpace(ManagerId) ? null : ManagerId.Trim();
        var stage = Stage?.Trim();
        var search = Search?.Trim();
        var all = await deals.ListAsync(managerId, PartnerId, Status, cancellationToken);
        return [.. all.Where(d => team is null || team.Any(m => m.Id == d.ManagerId))
            .Where(d => Kind is null || d.Kind == Kind)
            .Where(d => string.IsNullOrEmpty(stage) || string.Equals(d.Stage, stage, StringComparison.OrdinalIgnoreCase) || string.Equals(d.StageName, stage, StringComparison.OrdinalIgnoreCase))
            .Where(d => string.IsNullOrEmpty(search) || d.Title.Contains(search, StringComparison.OrdinalIgnoreCase)
                || (partnerNames is not null && partnerNames.TryGetValue(d.PartnerId, out var partner) && partner.Contains(search, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(d => d.OpenedAt)];
    }
}
