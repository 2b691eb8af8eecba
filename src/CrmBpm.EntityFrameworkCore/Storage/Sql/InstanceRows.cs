using System.Data.Common;
using CrmBpm.EntityFrameworkCore.Configurations;
using CrmBpm.EntityFrameworkCore.Entities;
using static CrmBpm.EntityFrameworkCore.Storage.Sql.SqlColumns;

namespace CrmBpm.EntityFrameworkCore.Storage.Sql;

/// <summary>The <c>instances</c> table for the hand-written commands: its columns, reading a row, inserting and the version-guarded update.</summary>
internal static class InstanceRows
{
    /// <summary>Every column but the surrogate key, in the order <see cref="Read(DbDataReader, int)"/> and <see cref="Values"/> use.</summary>
    public static readonly string[] Columns =
    [
        "id", "map_key", "map_version", "status", "parent_instance_id", "parent_token_id", "root_instance_id", "subject_type", "subject_id",
        "business_key", "result", "incident_message", "started_by", "started_at", "ended_at", "version", "history_count", "tokens", "variables",
        "incident_code",
    ];

    public static readonly string Select = $"SELECT {string.Join(", ", Columns)} FROM {TableNames.Instances}";

    private static readonly string UpdateSql =
        $"UPDATE {TableNames.Instances} SET {string.Join(", ", Columns.Skip(1).Select(c => $"{c} = @{c}"))} WHERE id = @id AND version = @loaded_version";

    public static InstanceEntity Read(DbDataReader reader) => Read(reader, 0);

    /// <summary>Reads the columns from ordinal <paramref name="first"/> on (a row joined with another table).</summary>
    public static InstanceEntity Read(DbDataReader reader, int first) => new()
    {
        Id = reader.GetGuid(first + 0),
        MapKey = reader.GetString(first + 1),
        MapVersion = reader.GetInt32(first + 2),
        Status = Enum<Engine.Runtime.InstanceStatus>(reader, first + 3),
        ParentInstanceId = NullableGuid(reader, first + 4),
        ParentTokenId = NullableGuid(reader, first + 5),
        RootInstanceId = reader.GetGuid(first + 6),
        SubjectType = NullableString(reader, first + 7),
        SubjectId = NullableString(reader, first + 8),
        BusinessKey = NullableString(reader, first + 9),
        Result = NullableString(reader, first + 10),
        IncidentMessage = NullableString(reader, first + 11),
        StartedBy = NullableString(reader, first + 12),
        StartedAt = Time(reader, first + 13),
        EndedAt = NullableTime(reader, first + 14),
        Version = reader.GetInt64(first + 15),
        HistoryCount = reader.GetInt64(first + 16),
        Tokens = reader.GetString(first + 17),
        Variables = reader.GetString(first + 18),
        IncidentCode = NullableString(reader, first + 19),
    };

    public static object?[] Values(InstanceEntity row, IDatabaseDialect dialect) =>
    [
        dialect.GuidValue(row.Id), row.MapKey, row.MapVersion, Name(row.Status), Guid(dialect, row.ParentInstanceId), Guid(dialect, row.ParentTokenId),
        dialect.GuidValue(row.RootInstanceId), row.SubjectType, row.SubjectId, row.BusinessKey, row.Result, row.IncidentMessage, row.StartedBy,
        Ticks(row.StartedAt), Ticks(row.EndedAt), row.Version, row.HistoryCount, row.Tokens, row.Variables,
        row.IncidentCode,
    ];

    public static IEnumerable<SqlStatement> Insert(IEnumerable<InstanceEntity> rows, IDatabaseDialect dialect) =>
        SqlInserts.Build(TableNames.Instances, Columns, rows.Select(r => Values(r, dialect)), "i");

    /// <summary>Writes the row's state if the stored version is still the one this command loaded.</summary>
    public static SqlStatement Update(InstanceEntity row, long loadedVersion, IDatabaseDialect dialect)
    {
        var statement = new SqlStatement(UpdateSql) { GuardedRow = $"instance {row.Id}" };
        var values = Values(row, dialect);
        for (var i = 0; i < Columns.Length; i++)
        {
            statement.With("@" + Columns[i], values[i]);
        }

        return statement.With("@loaded_version", loadedVersion);
    }
}
