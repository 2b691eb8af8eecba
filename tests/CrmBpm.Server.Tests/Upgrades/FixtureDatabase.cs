using System.Data.Common;
using CrmBpm.Server.Tests.Infrastructure;
using CrmBpm.Testing.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CrmBpm.Server.Tests.Upgrades;

/// <summary>A database made by an earlier build (Fixtures/), copied or restored fresh for one test.</summary>
public abstract class FixtureDatabase : ITestDatabase
{
    /// <summary>The fixtures folder in the build output.</summary>
    protected static string Folder => Path.Combine(AppContext.BaseDirectory, "Upgrades", "Fixtures");

    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>Copies or restores the fixture.</summary>
    public abstract Task CreateAsync();

    /// <summary>A new connection to the database (not pooled, so nothing is left open).</summary>
    public abstract DbConnection Connect();

    public abstract ValueTask DisposeAsync();
}

/// <summary>A copy of <c>Fixtures/&lt;name&gt;.db</c> in the temp folder; an empty file when <paramref name="name"/> is null.</summary>
public sealed class SqliteFixture(string? name) : FixtureDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"crmbpm-upgrade-test-{Guid.NewGuid():N}.db");

    public override string Provider => "Sqlite";

    public override string ConnectionString => $"Data Source={_path}";

    public override Task CreateAsync()
    {
        if (name is not null)
        {
            File.Copy(Path.Combine(Folder, name + ".db"), _path);
        }

        return Task.CompletedTask;
    }

    public override DbConnection Connect() => new SqliteConnection($"Data Source={_path};Pooling=False");

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A fresh PostgreSQL database with <c>Fixtures/&lt;name&gt;.sql</c> (a plain pg_dump) run into it; empty when <paramref name="name"/> is null.</summary>
public sealed class PostgresFixture(string? name) : FixtureDatabase
{
    private readonly PostgresTestDatabase _database = new();

    public override string Provider => "PostgreSql";

    public override string ConnectionString => _database.ConnectionString;

    public override async Task CreateAsync()
    {
        await _database.CreateAsync();
        if (name is null)
        {
            return;
        }

        // The dump sets search_path to '' for its session: a connection of its own, never pooled.
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = await File.ReadAllTextAsync(Path.Combine(Folder, name + ".sql"));
        await command.ExecuteNonQueryAsync();
    }

    public override DbConnection Connect() => new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);

    public override ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <summary>Whether PostgreSQL is configured here.</summary>
    public static bool Available => PostgresTestServer.AdminConnectionString is not null;
}
