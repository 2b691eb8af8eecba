using CrmBpm.Engine.Tasks;
using CrmBpm.EntityFrameworkCore.Configurations;

namespace CrmBpm.EntityFrameworkCore.Storage.Sql;

/// <summary>
/// The Done view of My tasks (<see cref="DoneTaskQuery"/>) as one command of two statements, like <see cref="MyTasksSql"/>:
/// the page, then the total. The page is one range of the partial index <c>ix_tasks_done</c> (<see cref="TaskEntityConfiguration"/>:
/// <c>completed_by</c>, <c>closed_at</c>, <c>seq</c>) read backwards, newest first: the page's seqs come from the index alone,
/// then only the page's rows. The WHERE repeats the index's condition (<see cref="TaskEntityConfiguration.Completed"/>), which
/// is how SQLite recognises that a partial index applies.
/// </summary>
internal static class DoneTasksSql
{
    private static readonly string Mine = $"completed_by = @user AND {TaskEntityConfiguration.Completed}";

    private static readonly string Sql =
        $"SELECT {string.Join(", ", TaskRows.Columns)} FROM {TableNames.Tasks} WHERE seq IN (" +
        $"SELECT seq FROM {TableNames.Tasks} WHERE {Mine} ORDER BY closed_at DESC, seq DESC LIMIT @page_size OFFSET @skip) " +
        "ORDER BY closed_at DESC, seq DESC;\n" +
        $"SELECT CAST(COUNT(*) AS BIGINT) AS total FROM {TableNames.Tasks} WHERE {Mine};";

    /// <summary>The command: its first result set is the page's rows (<see cref="TaskRows.Read(System.Data.Common.DbDataReader)"/>), the second one row with the total.</summary>
    public static SqlStatement For(DoneTaskQuery query) =>
        new SqlStatement(Sql)
            .With("@user", query.Actor.UserId)
            .With("@page_size", query.PageSize)
            .With("@skip", (query.Page - 1) * query.PageSize);
}
