namespace CrmBpm.Engine.Tasks;

/// <summary>One page of a list.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long TotalCount)
{
    /// <summary>Number of pages.</summary>
    public long PageCount => PageSize == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}
