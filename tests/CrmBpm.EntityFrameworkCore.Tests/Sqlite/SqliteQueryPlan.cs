using CrmBpm.EntityFrameworkCore.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace CrmBpm.EntityFrameworkCore.Tests.Sqlite;

/// <summary>Reads SQLite's plan for one statement of a store's SQL, so a test can pin which indexes a query uses.</summary>
internal static class SqliteQueryPlan
{
    /// <summary>The plan lines (EXPLAIN QUERY PLAN's detail column) of the statement at <paramref name="index"/>, given only the parameters it names.</summary>
    public static async Task<List<string>> OfAsync(SqliteConnection connection, SqlStatement statements, int index = 0)
    {
        await using var command = new SqliteCommand("EXPLAIN QUERY PLAN " + statements.Sql.Split(";\n")[index], connection);
        foreach (var (name, value) in statements.Parameters)
        {
            if (command.CommandText.Contains(name, StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }

        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return lines;
    }

    /// <summary>Runs <paramref name="sql"/> (seeding rows, ANALYZE).</summary>
    public static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
