namespace CrmBpm.Engine.Tasks;

/// <summary>
/// The My tasks query: active tasks held by the actor plus pool tasks of the actor's roles,
/// sorted by deadline (no deadline last) or by <see cref="Sort"/>, paginated.
/// </summary>
public sealed record TaskQuery
{
    /// <summary>Whose tasks.</summary>
    public required Actor Actor { get; init; }

    /// <summary>Only tasks about subjects of this type (e.g. <c>deal</c>).</summary>
    public string? SubjectType { get; init; }

    /// <summary>Only tasks about this subject id (with <see cref="SubjectType"/>).</summary>
    public string? SubjectId { get; init; }

    /// <summary>Only tasks of this route map (its own instances' and its sub-processes' child instances', keyed <c>map::sub-process</c>).</summary>
    public string? MapKey { get; init; }

    /// <summary>Only tasks due before this moment.</summary>
    public DateTimeOffset? DueBefore { get; init; }

    /// <summary>Include tasks postponed into the future.</summary>
    public bool IncludePostponed { get; init; }

    /// <summary>Only tasks postponed into the future (the Postponed view of My tasks); <see cref="IncludePostponed"/> is then moot.</summary>
    public bool OnlyPostponed { get; init; }

    /// <summary>The order of the list; ties go by creation.</summary>
    public TaskSort Sort { get; init; } = TaskSort.Deadline;

    /// <summary>The order reversed (ties too: newest created first).</summary>
    public bool Descending { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Items per page (1..500).</summary>
    public int PageSize { get; init; } = 50;
}
