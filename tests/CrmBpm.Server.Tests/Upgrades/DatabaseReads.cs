using System.Data.Common;
using System.Globalization;

namespace CrmBpm.Server.Tests.Upgrades;

/// <summary>What the upgrade tests read straight from a database, the same way on SQLite and PostgreSQL.</summary>
public static class DatabaseReads
{
    /// <summary>Every row of <paramref name="table"/> as one line of <c>column=value</c> pairs, sorted.</summary>
    public static async Task<List<string>> RowsAsync(FixtureDatabase database, string table)
    {
        var rows = new List<string>();
        await using var connection = database.Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={Text(reader.GetValue(i))}")));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>The rows of <c>schema_versions</c> as <c>component version description</c>, in order.</summary>
    public static Task<List<string>> VersionsAsync(FixtureDatabase database) =>
        ListAsync(database, "SELECT component, version, description FROM schema_versions ORDER BY component, version");

    /// <summary>Runs a statement (a test changing the database behind the server's back).</summary>
    public static async Task ExecuteAsync(FixtureDatabase database, string sql)
    {
        await using var connection = database.Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of <paramref name="sql"/>, its values as text joined by spaces.</summary>
    public static async Task<List<string>> ListAsync(FixtureDatabase database, string sql)
    {
        var values = new List<string>();
        await using var connection = database.Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader.GetValue(i)))));
        }

        return values;
    }

    /// <summary>
    /// The shape of the schema: each table's columns (name, type, nullability) and each index (its columns, uniqueness and
    /// filter), one line each, sorted — equal for an upgraded database and a new one when every model change has its step.
    /// </summary>
    public static Task<List<string>> ShapeAsync(FixtureDatabase database) => database.Provider == "Sqlite"
        ? SortedAsync(database, """
            SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || CASE WHEN p."notnull" = 1 THEN ' not null' ELSE '' END || CASE WHEN p.pk > 0 THEN ' key' ELSE '' END
            FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%'
            UNION ALL
            SELECT 'index ' || tbl_name || ' ' || COALESCE(sql, name) FROM sqlite_master WHERE type = 'index'
            """)
        : SortedAsync(database, """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
            FROM information_schema.columns WHERE table_schema = current_schema()
            UNION ALL
            SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
            """);

    private static async Task<List<string>> SortedAsync(FixtureDatabase database, string sql)
    {
        var lines = await ListAsync(database, sql);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "null",
        byte[] bytes => Convert.ToBase64String(bytes),
        Guid guid => guid.ToString().ToUpperInvariant(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
