using System.Data.Common;
using CrmBpm.Engine.Tasks;
using CrmBpm.EntityFrameworkCore.Configurations;
using CrmBpm.EntityFrameworkCore.Entities;
using static CrmBpm.EntityFrameworkCore.Storage.Sql.SqlColumns;

namespace CrmBpm.EntityFrameworkCore.Storage.Sql;

/// <summary>The <c>tasks</c> table for the hand-written commands: its columns, reading a row, inserting and the row-version-guarded update.</summary>
internal static class TaskRows
{
    /// <summary>Every column but the surrogate key, in the order <see cref="Read(DbDataReader, int)"/> and <see cref="Values"/> use.</summary>
    public static readonly string[] Columns =
    [
        "id", "instance_id", "root_instance_id", "map_key", "map_version", "point_id", "token_id", "item_index", "item", "title", "description",
        "performer_user_id", "performer_role", "performer_addressing_object", "assignee_id", "status", "requires_acceptance", "outcomes",
        "form_fields", "stage", "subject_type", "subject_id", "created_at", "due_at", "postponed_until", "accepted_at", "closed_at",
        "completed_by", "outcome", "comment", "due_sort", "active", "row_version",
        "point_name",
    ];

    public static readonly string Select = $"SELECT {string.Join(", ", Columns)} FROM {TableNames.Tasks}";

    /// <summary>Only what changes after a task was created (<see cref="EntityMapper.Apply(WorkTaskState, TaskEntity)"/>).</summary>
    private const string UpdateSql = $"""
        UPDATE {TableNames.Tasks} SET performer_role = @performer_role, performer_addressing_object = @performer_addressing_object, assignee_id = @assignee_id, status = @status, active = @active, postponed_until = @postponed_until,
            accepted_at = @accepted_at, closed_at = @closed_at, completed_by = @completed_by, outcome = @outcome, comment = @comment,
            row_version = @row_version
        WHERE id = @id AND row_version = @loaded_row_version
        """;

    public static TaskEntity Read(DbDataReader reader) => Read(reader, 0);

    /// <summary>Reads the columns from ordinal <paramref name="first"/> on (a row joined with another table).</summary>
    public static TaskEntity Read(DbDataReader reader, int first) => new()
    {
        Id = reader.GetGuid(first + 0),
        InstanceId = reader.GetGuid(first + 1),
        RootInstanceId = reader.GetGuid(first + 2),
        MapKey = reader.GetString(first + 3),
        MapVersion = reader.GetInt32(first + 4),
        PointId = reader.GetString(first + 5),
        TokenId = reader.GetGuid(first + 6),
        ItemIndex = NullableInt(reader, first + 7),
        Item = NullableString(reader, first + 8),
        Title = reader.GetString(first + 9),
        Description = reader.GetString(first + 10),
        PerformerUserId = NullableString(reader, first + 11),
        PerformerRole = NullableString(reader, first + 12),
        PerformerAddressingObject = NullableString(reader, first + 13),
        AssigneeId = NullableString(reader, first + 14),
        Status = Enum<WorkTaskStatus>(reader, first + 15),
        RequiresAcceptance = reader.GetBoolean(first + 16),
        Outcomes = reader.GetString(first + 17),
        FormFields = reader.GetString(first + 18),
        Stage = NullableString(reader, first + 19),
        SubjectType = NullableString(reader, first + 20),
        SubjectId = NullableString(reader, first + 21),
        CreatedAt = Time(reader, first + 22),
        DueAt = NullableTime(reader, first + 23),
        PostponedUntil = NullableTime(reader, first + 24),
        AcceptedAt = NullableTime(reader, first + 25),
        ClosedAt = NullableTime(reader, first + 26),
        CompletedBy = NullableString(reader, first + 27),
        Outcome = NullableString(reader, first + 28),
        Comment = NullableString(reader, first + 29),
        DueSort = reader.GetInt64(first + 30),
        Active = reader.GetBoolean(first + 31),
        RowVersion = reader.GetInt64(first + 32),
        PointName = reader.GetString(first + 33),
    };

    public static SqlStatement ById(Guid taskId, IDatabaseDialect dialect) => new SqlStatement($"{Select} WHERE id = @id").With("@id", dialect.GuidValue(taskId));

    public static IEnumerable<SqlStatement> Insert(IEnumerable<TaskEntity> rows, IDatabaseDialect dialect) =>
        SqlInserts.Build(TableNames.Tasks, Columns, rows.Select(row => Values(row, dialect)), "t");

    /// <summary>Writes the row's state, with the row version raised, if the stored row version is still the one this command loaded.</summary>
    public static SqlStatement Update(TaskEntity row, long loadedRowVersion, IDatabaseDialect dialect) =>
        new SqlStatement(UpdateSql) { GuardedRow = $"task {row.Id}" }
            .With("@performer_role", row.PerformerRole)
            .With("@performer_addressing_object", row.PerformerAddressingObject)
            .With("@assignee_id", row.AssigneeId)
            .With("@status", Name(row.Status))
            .With("@active", row.Active)
            .With("@postponed_until", Ticks(row.PostponedUntil))
            .With("@accepted_at", Ticks(row.AcceptedAt))
            .With("@closed_at", Ticks(row.ClosedAt))
            .With("@completed_by", row.CompletedBy)
            .With("@outcome", row.Outcome)
            .With("@comment", row.Comment)
            .With("@row_version", row.RowVersion)
            .With("@id", dialect.GuidValue(row.Id))
            .With("@loaded_row_version", loadedRowVersion);

    private static object?[] Values(TaskEntity row, IDatabaseDialect dialect) =>
    [
        dialect.GuidValue(row.Id), dialect.GuidValue(row.InstanceId), dialect.GuidValue(row.RootInstanceId), row.MapKey, row.MapVersion, row.PointId,
        dialect.GuidValue(row.TokenId), row.ItemIndex, row.Item, row.Title, row.Description, row.PerformerUserId, row.PerformerRole,
        row.PerformerAddressingObject, row.AssigneeId, Name(row.Status), row.RequiresAcceptance, row.Outcomes, row.FormFields, row.Stage,
        row.SubjectType, row.SubjectId, Ticks(row.CreatedAt), Ticks(row.DueAt), Ticks(row.PostponedUntil), Ticks(row.AcceptedAt),
        Ticks(row.ClosedAt), row.CompletedBy, row.Outcome, row.Comment, row.DueSort, row.Active, row.RowVersion,
        row.PointName,
    ];
}
