using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace CrmBpm.Cli;

/// <summary>
/// <c>crmbpm backup source.db target.db [--overwrite]</c>: a consistent copy of a SQLite database while a server keeps writing
/// to it. SQLite's online backup API copies the pages inside one read transaction, which in WAL mode never blocks the
/// writers and sees one committed state; the copy is written next to the target, checked, and only then moved into place.
/// </summary>
internal static class BackupCommand
{
    private const string Usage = "Usage: crmbpm backup <source.db> <target.db> [--overwrite]";
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var overwrite = args.Contains("--overwrite");
        var paths = args.Where(a => a != "--overwrite").ToList();
        if (paths.Count != 2 || paths.Any(p => p.StartsWith('-')))
        {
            await output.WriteLineAsync(Usage);
            return CliApp.Usage;
        }

        var source = Path.GetFullPath(paths[0]);
        var target = Path.GetFullPath(paths[1]);
        if (Refusal(source, target, overwrite) is { } refusal)
        {
            await output.WriteLineAsync($"crmbpm: {refusal}");
            return CliApp.Usage;
        }

        var partial = target + $".partial-{Guid.NewGuid():N}";
        try
        {
            long pages;
            await using (var from = new SqliteConnection(Connection(source, SqliteOpenMode.ReadWrite)))
            await using (var to = new SqliteConnection(Connection(partial, SqliteOpenMode.ReadWriteCreate)))
            {
                await from.OpenAsync(cancellationToken);
                await to.OpenAsync(cancellationToken);
                from.BackupDatabase(to);
                pages = Convert.ToInt64(await ScalarAsync(to, "PRAGMA page_count", cancellationToken), CultureInfo.InvariantCulture);
                var integrity = (string?)await ScalarAsync(to, "PRAGMA integrity_check", cancellationToken);
                if (integrity != "ok")
                {
                    await output.WriteLineAsync($"crmbpm: the copy of {source} failed SQLite's integrity check ({integrity}); the source itself may be damaged. Nothing was written to {target}.");
                    return CliApp.Problems;
                }
            }

            foreach (var leftover in new[] { target + "-wal", target + "-shm", target + "-journal" })
            {
                File.Delete(leftover);
            }

            File.Move(partial, target, overwrite);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Backed up {source} to {target}: {pages} pages, {new FileInfo(target).Length / 1024} KB, integrity ok."));
            return CliApp.Ok;
        }
        catch (SqliteException ex)
        {
            await output.WriteLineAsync($"crmbpm: could not back up {source}: {ex.Message}");
            return CliApp.Problems;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { partial, partial + "-wal", partial + "-shm", partial + "-journal" })
            {
                File.Delete(file);
            }
        }
    }

    private static string? Refusal(string source, string target, bool overwrite)
    {
        if (!File.Exists(source))
        {
            return $"the source database does not exist: {source}";
        }

        if (!IsSqlite(source))
        {
            return $"{source} is not a SQLite database (it lacks the 'SQLite format 3' header).";
        }

        if (string.Equals(source, target, StringComparison.Ordinal))
        {
            return "the target is the source; give another file.";
        }

        if (Directory.Exists(target))
        {
            return $"the target is a folder: {target}; give a file name.";
        }

        if (Path.GetDirectoryName(target) is { } folder && !Directory.Exists(folder))
        {
            return $"the target's folder does not exist: {folder}";
        }

        return File.Exists(target) && !overwrite
            ? $"the target exists: {target}. Pass --overwrite to replace it."
            : null;
    }

    private static bool IsSqlite(string path)
    {
        var header = new byte[SqliteHeader.Length];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.AsSpan().SequenceEqual(SqliteHeader);
    }

    /// <summary>Not pooled: the command leaves nothing open behind it. A busy timeout rides out a writer's checkpoint.</summary>
    private static string Connection(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ConnectionString;

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
