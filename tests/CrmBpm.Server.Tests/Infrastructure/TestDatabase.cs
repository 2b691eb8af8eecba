using CrmBpm.Testing.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CrmBpm.Server.Tests.Infrastructure;

/// <summary>A database a test server runs on: created before the host starts, removed after.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    /// <summary><c>Database:Provider</c>.</summary>
    string Provider { get; }

    /// <summary><c>ConnectionStrings:CrmBpm</c>.</summary>
    string ConnectionString { get; }

    /// <summary>Creates the (empty) database.</summary>
    Task CreateAsync();
}

/// <summary>A SQLite file in the temp folder, deleted (with its WAL files) afterwards.</summary>
public sealed class SqliteTestFile : ITestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"crmbpm-server-test-{Guid.NewGuid():N}.db");

    public string Provider => "Sqlite";

    public string ConnectionString => $"Data Source={_path}";

    public Task CreateAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A fresh PostgreSQL database, created and dropped through the admin connection in <see cref="AdminConnectionVariable"/>.
/// An unreachable server fails the tests: CI sets the variable and must notice.
/// </summary>
public sealed class PostgresTestDatabase : ITestDatabase
{
    public const string AdminConnectionVariable = PostgresTestServer.AdminConnectionVariable;

    private readonly string _name = $"crmbpm_server_test_{Guid.NewGuid():N}";
    private bool _created;

    public static string? AdminConnectionString => PostgresTestServer.AdminConnectionString;

    public string Provider => "PostgreSql";

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Admin) { Database = _name, Pooling = true }.ConnectionString;

    private static string Admin => AdminConnectionString
        ?? throw new InvalidOperationException($"{AdminConnectionVariable} is not set; PostgreSQL tests should have been skipped.");

    public async Task CreateAsync()
    {
        await using var connection = new NpgsqlConnection(Admin);
        try
        {
            await connection.OpenAsync();
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException(
                $"{AdminConnectionVariable} is set but its server cannot be reached ({ex.Message}). Start one with `build/postgres.sh start`, or unset the variable to skip the PostgreSQL tests.", ex);
        }

        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        await command.ExecuteNonQueryAsync();
        _created = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_created)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
