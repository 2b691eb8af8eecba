using CrmBpm.Engine.Tasks;
using CrmBpm.EntityFrameworkCore.Configurations;

namespace CrmBpm.EntityFrameworkCore.Storage.Sql;

/// <summary>
/// The Unassigned list (<see cref="WorkTask.IsUnassigned"/>) as one command of two statements, like <see cref="MyTasksSql"/>:
/// the page, then the total. The page is one range of the partial index <c>ix_tasks_unassigned</c>
/// (<see cref="TaskEntityConfiguration"/>), already in page order: the page's seqs are read from the index alone (skipped
/// pages cost no table reads), then only the page's rows. The WHERE repeats the index's condition term by term
/// (<see cref="TaskEntityConfiguration.Unassigned"/>), which is how SQLite recognises that a partial index applies.
/// </summary>
internal static class UnassignedTasksSql
{
    private static readonly string Sql =
        $"SELECT {string.Join(", ", TaskRows.Columns)} FROM {TableNames.Tasks} WHERE seq IN (" +
        $"SELECT seq FROM {TableNames.Tasks} WHERE {TaskEntityConfiguration.Unassigned} ORDER BY due_sort, seq LIMIT @page_size OFFSET @skip) " +
        "ORDER BY due_sort, seq;\n" +
        $"SELECT CAST(COUNT(*) AS BIGINT) AS total FROM {TableNames.Tasks} WHERE {TaskEntityConfiguration.Unassigned};";

    /// <summary>The command: its first result set is the page's rows (<see cref="TaskRows.Read(System.Data.Common.DbDataReader)"/>), the second one row with the total.</summary>
    public static SqlStatement For(UnassignedTaskQuery query) =>
        new SqlStatement(Sql)
            .With("@page_size", query.PageSize)
            .With("@skip", (query.Page - 1) * query.PageSize);
}
