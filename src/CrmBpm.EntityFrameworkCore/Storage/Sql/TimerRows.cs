using System.Data.Common;
using CrmBpm.Engine.Timers;
using CrmBpm.EntityFrameworkCore.Configurations;
using CrmBpm.EntityFrameworkCore.Entities;
using static CrmBpm.EntityFrameworkCore.Storage.Sql.SqlColumns;

namespace CrmBpm.EntityFrameworkCore.Storage.Sql;

/// <summary>The <c>timers</c> table for the hand-written commands: reading, inserting, the firing-guarded update and removing a closed task's timers.</summary>
internal static class TimerRows
{
    private static readonly string[] Columns = ["id", "instance_id", "task_id", "kind", "due_at", "lease_owner", "lease_until", "fired_at", "attempt", "point_id", "map_key", "map_version", "topic", "retries", "event_name", "correlation_key"];

    public static readonly string Select = $"SELECT {string.Join(", ", Columns)} FROM {TableNames.Timers}";

    public static TimerEntity Read(DbDataReader reader) => new()
    {
        Id = reader.GetGuid(0),
        InstanceId = reader.GetGuid(1),
        TaskId = reader.GetGuid(2),
        Kind = Enum<TimerKind>(reader, 3),
        DueAt = Time(reader, 4),
        LeaseOwner = NullableString(reader, 5),
        LeaseUntil = NullableTime(reader, 6),
        FiredAt = NullableTime(reader, 7),
        Attempt = reader.GetInt32(8),
        PointId = NullableString(reader, 9),
        MapKey = NullableString(reader, 10),
        MapVersion = reader.IsDBNull(11) ? null : reader.GetInt32(11),
        Topic = NullableString(reader, 12),
        Retries = reader.IsDBNull(13) ? null : reader.GetInt32(13),
        EventName = NullableString(reader, 14),
        CorrelationKey = NullableString(reader, 15),
    };

    public static IEnumerable<SqlStatement> Insert(IEnumerable<TimerEntity> rows, IDatabaseDialect dialect) =>
        SqlInserts.Build(TableNames.Timers, Columns, rows.Select(row => new object?[]
        {
            dialect.GuidValue(row.Id), dialect.GuidValue(row.InstanceId), dialect.GuidValue(row.TaskId), Name(row.Kind), Ticks(row.DueAt),
            row.LeaseOwner, Ticks(row.LeaseUntil), Ticks(row.FiredAt), row.Attempt, row.PointId, row.MapKey, row.MapVersion, row.Topic, row.Retries, row.EventName, row.CorrelationKey,
        }), "m");

    /// <summary>Writes the lease and firing; if the timer was unfired when loaded it must still be (two nodes never fire it twice).</summary>
    public static SqlStatement Update(TimerEntity row, DateTimeOffset? loadedFiredAt, IDatabaseDialect dialect)
    {
        var statement = new SqlStatement(
            $"UPDATE {TableNames.Timers} SET lease_owner = @lease_owner, lease_until = @lease_until, fired_at = @fired_at " +
            $"WHERE id = @id AND {(loadedFiredAt is null ? "fired_at IS NULL" : "fired_at = @loaded_fired_at")}")
        {
            GuardedRow = $"timer {row.Id} (it has already fired)",
        };
        statement.With("@lease_owner", row.LeaseOwner).With("@lease_until", Ticks(row.LeaseUntil)).With("@fired_at", Ticks(row.FiredAt))
            .With("@id", dialect.GuidValue(row.Id));
        return loadedFiredAt is null ? statement : statement.With("@loaded_fired_at", Ticks(loadedFiredAt));
    }

    /// <summary>Deletes the unfired timers of tasks that closed.</summary>
    public static SqlStatement DeleteUnfiredOf(IReadOnlyList<Guid> taskIds, IDatabaseDialect dialect)
    {
        var names = taskIds.Select((_, i) => $"@task{i}").ToList();
        var statement = new SqlStatement($"DELETE FROM {TableNames.Timers} WHERE task_id IN ({string.Join(", ", names)}) AND fired_at IS NULL");
        for (var i = 0; i < taskIds.Count; i++)
        {
            statement.With(names[i], dialect.GuidValue(taskIds[i]));
        }

        return statement;
    }
}
