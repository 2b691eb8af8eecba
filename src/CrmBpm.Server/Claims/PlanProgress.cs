namespace CrmBpm.Server.Claims;

/// <summary>The whole action plan at a glance: done items out of those still meant to be done (cancelled ones do not count).</summary>
public sealed record PlanProgress(int Done, int Total, int Overdue)
{
    /// <summary>Percentage done, 0..100; an empty plan is 0.</summary>
    public int Percent => Total == 0 ? 0 : Done * 100 / Total;

    /// <summary>Sums up the items.</summary>
    public static PlanProgress Of(IReadOnlyCollection<PlanItemProgress> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var counted = items.Where(i => i.State != PlanItemState.Cancelled).ToList();
        return new PlanProgress(counted.Count(i => i.State == PlanItemState.Done), counted.Count, counted.Count(i => i.IsOverdue));
    }
}
