using Microsoft.Data.Sqlite;
using static CrmBpm.Cli.Tests.Cli;

namespace CrmBpm.Cli.Tests;

/// <summary>
/// <c>crmbpm backup</c> on a database that writers keep changing: the copy opens, passes SQLite's integrity check and holds
/// one committed state (two accounts whose balances always sum to the same total, moved between in transactions).
/// </summary>
public sealed class Backing_up_a_SQLite_database : IDisposable
{
    private const int Total = 1_000_000;
    private readonly string _folder = Directory.CreateTempSubdirectory("crmbpm-backup-").FullName;

    private string Source => Path.Combine(_folder, "source.db");

    private string Target => Path.Combine(_folder, "copy.db");

    [Fact]
    public async Task The_copy_taken_while_writers_run_is_whole_and_consistent()
    {
        await CreateSourceAsync();
        using var stop = new CancellationTokenSource();
        var writes = 0;
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            await using var connection = await OpenAsync(Source);
            var random = new Random(w);
            while (!stop.IsCancellationRequested)
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable); // BEGIN IMMEDIATE
                var amount = random.Next(1, 100);
                await ExecuteAsync(connection, $"UPDATE accounts SET balance = balance - {amount} WHERE id = 1", transaction);
                await ExecuteAsync(connection, $"UPDATE accounts SET balance = balance + {amount} WHERE id = 2", transaction);
                await ExecuteAsync(connection, $"INSERT INTO moves (amount, note) VALUES ({amount}, '{new string('x', 200)}')", transaction);
                await transaction.CommitAsync();
                Interlocked.Increment(ref writes);
            }
        })).ToList();
        while (Volatile.Read(ref writes) < 200)
        {
            await Task.Delay(10);
        }

        var (code, output) = await RunAsync("", "backup", Source, Target);
        var writesAfterBackup = Volatile.Read(ref writes);
        await Task.Delay(100);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        code.ShouldBe(0, output);
        output.ShouldContain("integrity ok");
        Volatile.Read(ref writes).ShouldBeGreaterThan(writesAfterBackup, "the writers were never blocked for good");
        await using var copy = await OpenAsync(Target);
        (await ScalarAsync(copy, "PRAGMA integrity_check")).ShouldBe("ok");
        (await ScalarAsync(copy, "SELECT SUM(balance) FROM accounts")).ShouldBe((long)Total);
        var moved = (long)(await ScalarAsync(copy, "SELECT COALESCE(SUM(amount), 0) FROM moves"))!;
        (await ScalarAsync(copy, "SELECT balance FROM accounts WHERE id = 2")).ShouldBe(moved, "every move in the copy is in its balances, and no other");
        moved.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task An_existing_target_is_refused_and_left_alone_unless_overwrite_is_given()
    {
        await CreateSourceAsync();
        await File.WriteAllTextAsync(Target, "keep me");

        var (code, output) = await RunAsync("", "backup", Source, Target);

        code.ShouldBe(2);
        output.ShouldContain($"the target exists: {Target}. Pass --overwrite to replace it.");
        (await File.ReadAllTextAsync(Target)).ShouldBe("keep me");

        var (overwritten, again) = await RunAsync("", "backup", Source, Target, "--overwrite");

        overwritten.ShouldBe(0, again);
        await using var copy = await OpenAsync(Target);
        (await ScalarAsync(copy, "SELECT SUM(balance) FROM accounts")).ShouldBe((long)Total);
    }

    [Fact]
    public async Task A_missing_source_is_named()
    {
        var missing = Path.Combine(_folder, "nowhere.db");

        var (code, output) = await RunAsync("", "backup", missing, Target);

        code.ShouldBe(2);
        output.ShouldContain($"the source database does not exist: {missing}");
        File.Exists(Target).ShouldBeFalse();
    }

    [Fact]
    public async Task A_source_that_is_not_a_SQLite_database_is_named()
    {
        await File.WriteAllTextAsync(Source, "just text");

        var (code, output) = await RunAsync("", "backup", Source, Target);

        code.ShouldBe(2);
        output.ShouldContain("is not a SQLite database");
        File.Exists(Target).ShouldBeFalse();
    }

    [Fact]
    public async Task A_target_in_a_missing_folder_is_named()
    {
        await CreateSourceAsync();
        var target = Path.Combine(_folder, "no-such-folder", "copy.db");

        var (code, output) = await RunAsync("", "backup", Source, target);

        code.ShouldBe(2);
        output.ShouldContain("the target's folder does not exist");
    }

    [Fact]
    public async Task Wrong_arguments_print_the_usage()
    {
        var (code, output) = await RunAsync("", "backup", Source);

        code.ShouldBe(2);
        output.ShouldContain("Usage: crmbpm backup <source.db> <target.db> [--overwrite]");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A database in WAL mode, as the server keeps it.</summary>
    private async Task CreateSourceAsync()
    {
        await using var connection = await OpenAsync(Source);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL");
        await ExecuteAsync(connection, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)");
        await ExecuteAsync(connection, "CREATE TABLE moves (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL, note TEXT NOT NULL)");
        await ExecuteAsync(connection, $"INSERT INTO accounts VALUES (1, {Total}), (2, 0)");
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA busy_timeout=30000");
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
