namespace CrmBpm.Engine.Tasks;

/// <summary>
/// The Unassigned list: active tasks nobody holds and no role addresses (<see cref="WorkTask.IsUnassigned"/>), by deadline
/// (none last), then creation, paginated. Only a supervisor (<see cref="Actor.CanActOnAnyTask"/>) may ask: they hand the
/// tasks over.
/// </summary>
public sealed record UnassignedTaskQuery
{
    /// <summary>Who asks.</summary>
    public required Actor Actor { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Items per page (1..500).</summary>
    public int PageSize { get; init; } = 50;
}
