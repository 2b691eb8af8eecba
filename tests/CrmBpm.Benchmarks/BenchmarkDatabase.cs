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

    /// <summary>
    /// Bytes of write-ahead log that <paramref name="work"/> adds: SQLite's WAL frames (page plus 24-byte header) counted from an
    /// emptied WAL, PostgreSQL's WAL insert position before and after. Nothing else may write meanwhile.
    /// </summary>
    public async Task<long> WalBytesWrittenAsync(Func<Task> work)
    {
        if (IsPostgres)
        {
            await using var pg = new NpgsqlConnection(ConnectionString);
            await pg.OpenAsync();
            await using var before = new NpgsqlCommand("SELECT pg_current_wal_insert_lsn()::text", pg);
            var start = (string)(await before.ExecuteScalarAsync())!;
            await work();
            await using var after = new NpgsqlCommand("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), @start::pg_lsn)::bigint", pg);
            after.Parameters.AddWithValue("start", start);
            return (long)(await after.ExecuteScalarAsync())!;
        }

        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        var pageSize = (long)(await ScalarAsync(connection, "PRAGMA page_size"))!;
        var (busy, _) = await CheckpointAsync(connection, "TRUNCATE");
        if (busy)
        {
            throw new InvalidOperationException("The WAL could not be emptied before measuring: another connection is reading or writing.");
        }

        await work();
        var (_, frames) = await CheckpointAsync(connection, "PASSIVE");

        // SQLite's automatic checkpoint starts at 1 000 frames and may restart the WAL after it: the count is only whole below that.
        if (frames >= 1_000)
        {
            throw new InvalidOperationException($"The sample wrote {frames} WAL frames; keep it under 1 000 so SQLite's own checkpoint cannot restart the WAL.");
        }

        return frames * (pageSize + 24);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary><c>PRAGMA wal_checkpoint</c>: whether it was blocked, and the frames in the WAL.</summary>
    private static async Task<(bool Busy, long Frames)> CheckpointAsync(SqliteConnection connection, string mode)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode})";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0) != 0, reader.GetInt64(1));
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
