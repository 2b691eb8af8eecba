using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing;
using CrmBpm.Testing.CrmSuites;
using Microsoft.Data.Sqlite;

namespace CrmBpm.EntityFrameworkCore.Tests.Sqlite;

/// <summary>
/// A copy of a database, a restored backup or a file made by another tool is usually in rollback-journal mode: the store
/// must open it and switch it to WAL, not fail on EF Core's read-only "does the file exist" connection.
/// </summary>
public sealed class A_SQLite_file_not_in_WAL_mode : IAsyncLifetime
{
    private readonly SqliteTestFile _file = new();

    [Fact]
    public async Task Opens_and_is_switched_to_WAL()
    {
        await using (var connection = new SqliteConnection(_file.ConnectionString + ";Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = new SqliteCommand("PRAGMA journal_mode=DELETE; CREATE TABLE unrelated (id INTEGER)", connection);
            await command.ExecuteNonQueryAsync();
        }

        await using (var bpm = new EngineHarness(_file.Attach))
        {
            await bpm.StartAsync(await bpm.DeployAsync(CrmHost.TypicalSale()));
        }

        await using var check = new SqliteConnection(_file.ConnectionString + ";Pooling=False");
        await check.OpenAsync();
        await using var mode = new SqliteCommand("PRAGMA journal_mode", check);
        (await mode.ExecuteScalarAsync()).ShouldBe("wal");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();
}
