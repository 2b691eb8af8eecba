using CrmBpm.Engine.DependencyInjection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CrmBpm.Benchmarks;

/// <summary>
/// A throw-away database for one scenario: a SQLite file in the data folder (on the disk being measured, never the
/// temp folder, which may be in memory), or a fresh PostgreSQL database created through CRMBPM_TEST_POSTGRES.
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CRMBPM_TEST_POSTGRES";

    private readonly string? _sqlitePath;
    private readonly string? _postgresName;

    private BenchmarkDatabase(string provider, string connectionString, string? sqlitePath, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqlitePath = sqlitePath;
        _postgresName = postgresName;
    }

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>"SQLite file" or "PostgreSQL".</summary>
    public string Provider { get; }

    public bool IsPostgres => _postgresName is not null;

    public string ConnectionString { get; }

    public void Attach(CrmBpmBuilder bpm)
    {
        if (IsPostgres)
        {
            bpm.UsePostgreSql(ConnectionString);
        }
        else
        {
            bpm.UseSqlite(ConnectionString);
        }
    }

    public static BenchmarkDatabase SqliteFile(string folder, string name)
    {
        Directory.CreateDirectory(folder);
        var path = Path.GetFullPath(Path.Combine(folder, $"{name}-{Guid.NewGuid():N}.db"));
        return new BenchmarkDatabase("SQLite file", $"Data Source={path}", path, null);
    }

    public static async Task<BenchmarkDatabase> PostgresAsync(string name)
    {
        var admin = PostgresAdmin ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        var database = $"crmbpm_bench_{name}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new BenchmarkDatabase("PostgreSQL", new NpgsqlConnectionStringBuilder(admin) { Database = database, MaxPoolSize = 200 }.ConnectionString, null, database);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
