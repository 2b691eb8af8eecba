namespace CrmBpm.Crm.Deals;

/// <summary>
/// What is needed to open a deal: for a partner, or for a lead (the first deal converts the lead into a partner and a
/// contact; later deals of a converted lead go to that partner).
/// </summary>
public sealed record OpenDeal
{
    /// <summary>Title, amount, demand, interest, channel.</summary>
    public required DealDetails Details { get; init; }

    /// <summary>The partner; with <see cref="LeadId"/> it names an existing partner the lead turned out to be.</summary>
    public Guid? PartnerId { get; init; }

    /// <summary>The lead to convert.</summary>
    public Guid? LeadId { get; init; }

    /// <summary>The partner's contact person.</summary>
    public Guid? ContactId { get; init; }

    /// <summary>The responsible manager.</summary>
    public required string ManagerId { get; init; }

    /// <summary>How stages are controlled.</summary>
    public DealKind Kind { get; init; } = DealKind.ManualStages;

    /// <summary>The route map of a process-controlled deal (must be published).</summary>
    public string? RouteMapKey { get; init; }

    /// <summary>First stage of a manual-stage deal (catalogue id, code or name).</summary>
    public string? Stage { get; init; }

    /// <summary>Probability set by hand (0–100).</summary>
    public decimal? Probability { get; init; }

    /// <summary>Convert the lead even when the duplicate check finds an existing partner.</summary>
    public bool AllowDuplicates { get; init; }

    /// <summary>Who opens it.</summary>
    public required string OpenedBy { get; init; }
}
