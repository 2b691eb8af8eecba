namespace CrmBpm.Engine.Tasks;

/// <summary>The Done view of My tasks: the tasks <see cref="Actor"/> completed, newest first, paginated.</summary>
public sealed record DoneTaskQuery
{
    /// <summary>Whose completed tasks (<see cref="Actor.UserId"/> as <see cref="WorkTask.CompletedBy"/>).</summary>
    public required Actor Actor { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Items per page (1..500).</summary>
    public int PageSize { get; init; } = 50;
}
