using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CrmBpm.Benchmarks.Scenarios;

/// <summary>
/// Single task completions, one after another, each its own command and transaction, on a durable store: completions
/// per second and the latency of each. Beside it, on the same disk with the same settings, the raw rate of single-row
/// insert transactions: what the database can commit at all, the ceiling for any engine on it. Then, outside the timing, the
/// write-ahead log each writes: a completion's commit carries several rows and their index entries, a raw insert one row.
/// </summary>
internal static class DurableCompletion
{
    /// <summary>Small enough that a SQLite sample stays under the 1 000 WAL frames of its automatic checkpoint.</summary>
    private const int WalSampleCompletions = 20;

    private const int WalSampleInserts = 200;

    public sealed record Result(double CompletionsPerSecond, Stats LatencyMs, double RawInsertsPerSecond, double WalBytesPerCompletion, double WalBytesPerRawInsert);

    public static async Task<Result> MeasureAsync(BenchmarkDatabase database, BenchmarkDatabase rawDatabase, int completions, Action<int, int> progress)
    {
        await using var host = new EngineHost(database.Attach);
        await host.Maps.DeployAsync(BenchmarkMap.Build());

        // Instances waiting at their first task (not measured), then a warm-up of completions.
        var warmUp = Math.Min(100, completions / 10);
        var taskIds = new List<Guid>(completions + warmUp + WalSampleCompletions);
        for (var i = 0; i < completions + warmUp + WalSampleCompletions; i++)
        {
            var instance = await host.StartOnlyAsync();
            taskIds.Add((await host.Tasks.GetTasksOfInstanceAsync(instance))[0].Id);
            if (i % 500 == 0)
            {
                progress(i, completions + warmUp);
            }
        }

        progress(completions + warmUp, completions + warmUp);
        var worker = new Engine.Tasks.Actor("bench");
        foreach (var id in taskIds.Take(warmUp))
        {
            await host.Tasks.CompleteAsync(id, worker);
        }

        var latencies = new List<double>(completions);
        var total = Stopwatch.StartNew();
        foreach (var id in taskIds.Skip(warmUp).Take(completions))
        {
            var one = Stopwatch.GetTimestamp();
            await host.Tasks.CompleteAsync(id, worker);
            latencies.Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
        }

        var rate = completions / total.Elapsed.TotalSeconds;
        var walPerCompletion = await database.WalBytesWrittenAsync(async () =>
        {
            foreach (var id in taskIds.Skip(warmUp + completions))
            {
                await host.Tasks.CompleteAsync(id, worker);
            }
        }) / (double)WalSampleCompletions;

        var (raw, walPerInsert) = rawDatabase.IsPostgres
            ? await RawPostgresInsertsAsync(rawDatabase, completions)
            : await RawSqliteInsertsAsync(rawDatabase, completions);
        return new Result(rate, Stats.Of(latencies), raw, walPerCompletion, walPerInsert);
    }

    /// <summary>The SQLite provider's settings (SqlitePragmaInterceptor): WAL, synchronous=NORMAL; one BEGIN IMMEDIATE transaction per row.</summary>
    private static async Task<(double PerSecond, double WalBytesPerInsert)> RawSqliteInsertsAsync(BenchmarkDatabase database, int count)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;");
        await ExecuteAsync(connection, "CREATE TABLE raw_rows (id INTEGER PRIMARY KEY, token TEXT NOT NULL, at INTEGER NOT NULL, payload TEXT NOT NULL)");
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO raw_rows (token, at, payload) VALUES ($token, $at, $payload)";
        var token = insert.Parameters.Add("$token", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        insert.Parameters.AddWithValue("$payload", new string('x', 200));

        for (var i = 0; i < Math.Min(100, count / 10); i++)
        {
            await InsertOneAsync();
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await InsertOneAsync();
        }

        var rate = count / watch.Elapsed.TotalSeconds;
        return (rate, await WalBytesPerInsertAsync(database, InsertOneAsync));

        async Task InsertOneAsync()
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable);
            insert.Transaction = transaction;
            token.Value = Guid.NewGuid().ToString();
            at.Value = DateTime.UtcNow.Ticks;
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
    }

    /// <summary>One autocommitted single-row INSERT per transaction, on the same server and settings.</summary>
    private static async Task<(double PerSecond, double WalBytesPerInsert)> RawPostgresInsertsAsync(BenchmarkDatabase database, int count)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE raw_rows (id bigserial PRIMARY KEY, token uuid NOT NULL, at bigint NOT NULL, payload text NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var insert = new NpgsqlCommand("INSERT INTO raw_rows (token, at, payload) VALUES ($1, $2, $3)", connection);
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = new string('x', 200) });
        await insert.PrepareAsync();
        for (var i = 0; i < Math.Min(100, count / 10); i++)
        {
            await InsertOneAsync();
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await InsertOneAsync();
        }

        var rate = count / watch.Elapsed.TotalSeconds;
        return (rate, await WalBytesPerInsertAsync(database, InsertOneAsync));

        async Task InsertOneAsync()
        {
            insert.Parameters[0].Value = Guid.NewGuid();
            insert.Parameters[1].Value = DateTime.UtcNow.Ticks;
            await insert.ExecuteNonQueryAsync();
        }
    }

    private static async Task<double> WalBytesPerInsertAsync(BenchmarkDatabase database, Func<Task> insertOne) =>
        await database.WalBytesWrittenAsync(async () =>
        {
            for (var i = 0; i < WalSampleInserts; i++)
            {
                await insertOne();
            }
        }) / (double)WalSampleInserts;

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
