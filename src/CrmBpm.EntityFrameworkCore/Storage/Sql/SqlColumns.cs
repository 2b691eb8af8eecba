using System.Data.Common;
using CrmBpm.EntityFrameworkCore.Configurations;

namespace CrmBpm.EntityFrameworkCore.Storage.Sql;

/// <summary>
/// Values as the CrmBpm tables hold them, for the hand-written commands: timestamps as UTC ticks (<see cref="UtcTicksConverter"/>),
/// enums by name, Guids as the provider stores them (<see cref="IDatabaseDialect.GuidValue"/>). Reading a Guid works on every
/// provider (SQLite parses its text).
/// </summary>
internal static class SqlColumns
{
    public static object? Ticks(DateTimeOffset? value) => value?.UtcTicks;

    public static object? Guid(IDatabaseDialect dialect, Guid? value) => value is { } id ? dialect.GuidValue(id) : null;

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString();

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static Guid? NullableGuid(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);

    public static int? NullableInt(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static DateTimeOffset Time(DbDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    public static DateTimeOffset? NullableTime(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Time(reader, ordinal);

    public static TEnum Enum<TEnum>(DbDataReader reader, int ordinal)
        where TEnum : struct, Enum => System.Enum.Parse<TEnum>(reader.GetString(ordinal));
}
