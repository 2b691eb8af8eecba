namespace CrmBpm.Server.Tasks;

/// <summary>One page of the Unassigned list.</summary>
public sealed record UnassignedTaskPage(IReadOnlyList<UnassignedTaskRow> Rows, int Page, int PageSize, long Total)
{
    /// <summary>Number of pages (at least one).</summary>
    public long PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
