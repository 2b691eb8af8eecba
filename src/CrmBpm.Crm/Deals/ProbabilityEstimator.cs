namespace CrmBpm.Crm.Deals;

/// <summary>Estimates a deal's chance of winning from closed deals: won ÷ closed among those that reached the stage.</summary>
public static class ProbabilityEstimator
{
    /// <summary>
    /// The estimate for <paramref name="stage"/> (null: all closed deals) over <paramref name="deals"/>, narrowed by
    /// <paramref name="filter"/>. Open deals are ignored; with no closed deal the probability is null and the sample 0.
    /// </summary>
    public static ProbabilityEstimate Estimate(IEnumerable<Deal> deals, string? stage, ProbabilityFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(deals);
        filter ??= new ProbabilityFilter();
        var sample = deals
            .Where(d => !d.IsOpen)
            .Where(d => filter.ManagerId is null || d.ManagerId == filter.ManagerId)
            .Where(d => filter.PartnerId is null || d.PartnerId == filter.PartnerId)
            .Where(d => filter.Kind is null || d.Kind == filter.Kind)
            .Where(d => stage is null || d.ReachedStages.Contains(stage, StringComparer.Ordinal))
            .ToList();
        var won = sample.Count(d => d.Status == DealStatus.Won);
        decimal? probability = sample.Count == 0 ? null : Math.Round(100m * won / sample.Count, 1);
        return new ProbabilityEstimate(stage, probability, sample.Count, won, filter);
    }
}
