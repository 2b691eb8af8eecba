using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing;
using Microsoft.Data.Sqlite;

namespace CrmBpm.EntityFrameworkCore.Tests.Sqlite;

/// <summary>What the embedded default leaves on disk: one WAL-mode file with readable, portable columns.</summary>
public sealed class SqliteDatabaseFile : IAsyncLifetime
{
    private readonly SqliteTestFile _file = new();

    [Fact]
    public async Task The_first_command_creates_a_WAL_mode_file_with_snake_case_tables_and_the_My_tasks_indexes()
    {
        await using (var bpm = new EngineHarness(_file.Attach))
        {
            var map = new MapBuilder("seq").Start().Action("a").End().Flow("start", "a", "end").Build();
            await bpm.StartAsync(map);
        }

        await using var connection = new SqliteConnection(_file.ConnectionString);
        await connection.OpenAsync();
        (await ScalarAsync(connection, "PRAGMA journal_mode")).ShouldBe("wal");
        (await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name"))
            .ShouldBe(["history", "instances", "open_task_counts", "route_maps", "schema_versions", "tasks", "timers"]);
        (await ListAsync(connection, "SELECT name FROM pragma_table_info('tasks')")).ShouldContain("performer_addressing_object");
        var indexedColumns = await ListAsync(connection,
            "SELECT group_concat(c.name, ',') FROM pragma_index_list('tasks') AS i JOIN pragma_index_info(i.name) AS c GROUP BY i.name");
        indexedColumns.ShouldContain("assignee_id,due_sort,seq,postponed_until");
        indexedColumns.ShouldContain("performer_role,due_sort,seq,postponed_until");
        indexedColumns.ShouldContain("performer_role,performer_addressing_object,due_sort,seq,postponed_until");
        (await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '%WHERE active = TRUE AND%' ORDER BY name"))
            .ShouldBe(["ix_tasks_my_held", "ix_tasks_my_role_object_pool", "ix_tasks_my_role_pool", "ix_tasks_postponed_held", "ix_tasks_postponed_pool", "ix_tasks_unassigned"]);

        // Timestamps are UTC ticks: integers that sort and compare in SQL.
        (await ScalarAsync(connection, "SELECT typeof(created_at) FROM tasks")).ShouldBe("integer");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = new SqliteCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private static async Task<List<string>> ListAsync(SqliteConnection connection, string sql)
    {
        await using var command = new SqliteCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
