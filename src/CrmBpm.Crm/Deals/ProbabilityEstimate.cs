namespace CrmBpm.Crm.Deals;

/// <summary>
/// The share of won deals among closed deals that reached <see cref="Stage"/>, with the sample it is based on so a
/// reader can judge it ("60 % of 5 deals" means less than "60 % of 500").
/// </summary>
public sealed record ProbabilityEstimate(string? Stage, decimal? Probability, int SampleSize, int WonCount, ProbabilityFilter Filter);

/// <summary>Which closed deals an estimate compares with: optionally only the same manager, partner or kind.</summary>
public sealed record ProbabilityFilter
{
    /// <summary>Only deals of this manager.</summary>
    public string? ManagerId { get; init; }

    /// <summary>Only deals with this partner.</summary>
    public Guid? PartnerId { get; init; }

    /// <summary>Only deals of this kind.</summary>
    public DealKind? Kind { get; init; }
}
