using CrmBpm.EntityFrameworkCore.Configurations;
using CrmBpm.EntityFrameworkCore.Entities;
using static CrmBpm.EntityFrameworkCore.Storage.Sql.SqlColumns;

namespace CrmBpm.EntityFrameworkCore.Storage.Sql;

/// <summary>Appending to the <c>history</c> table from the hand-written commands.</summary>
internal static class HistoryRows
{
    private static readonly string[] Columns = ["id", "instance_id", "sequence", "at", "kind", "actor", "point_id", "from_point_id", "flow_id", "task_id", "details", "on_behalf_of"];

    public static IEnumerable<SqlStatement> Insert(IEnumerable<HistoryEntity> rows, IDatabaseDialect dialect) =>
        SqlInserts.Build(TableNames.History, Columns, rows.Select(row => new object?[]
        {
            dialect.GuidValue(row.Id), dialect.GuidValue(row.InstanceId), row.Sequence, Ticks(row.At), Name(row.Kind), row.Actor, row.PointId,
            row.FromPointId, row.FlowId, Guid(dialect, row.TaskId), row.Details, row.OnBehalfOf,
        }), "h");
}
