using CrmBpm.Crm.DependencyInjection;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Testing.CrmSuites;
using Microsoft.Data.Sqlite;

namespace CrmBpm.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>A SQLite file in the temp folder, deleted (with its WAL files) after the test.</summary>
public sealed class SqliteTestFile : ICrmTestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"crmbpm-test-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={_path}";

    public Task CreateAsync() => Task.CompletedTask;

    public void Attach(CrmBpmBuilder bpm) => bpm.UseSqlite(ConnectionString);

    public void AttachCrm(CrmBuilder crm) => crm.UseSqlite(ConnectionString);

    /// <summary>Runs a statement behind the stores' back (a trigger that refuses a write, a record changed by hand).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The single number a query answers.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void EmptyConnectionPool()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    public ValueTask DisposeAsync()
    {
        EmptyConnectionPool();

        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}
