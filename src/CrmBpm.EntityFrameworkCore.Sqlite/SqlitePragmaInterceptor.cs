using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmBpm.EntityFrameworkCore.Sqlite;

/// <summary>
/// Sets the pragmas an embedded, concurrently used database needs on every connection EF Core opens: WAL (readers
/// never block the writer), <c>synchronous=NORMAL</c> (safe in WAL, much faster than FULL) and a busy timeout
/// (a second writer waits for the lock instead of failing with SQLITE_BUSY). Pragmas belong to the native connection,
/// which Microsoft.Data.Sqlite's pool keeps open between uses, so each native connection is set up once, not on every open.
/// </summary>
internal sealed class SqlitePragmaInterceptor(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    private readonly string _pragmas = string.Create(CultureInfo.InvariantCulture,
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={(long)busyTimeout.TotalMilliseconds};");

    private static readonly object Prepared = new();

    private readonly ConditionalWeakTable<object, object> _prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (NeedsPragmas(connection, out var handle))
        {
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
            Remember(handle);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (NeedsPragmas(connection, out var handle))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = _pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            Remember(handle);
        }
    }

    /// <remarks>
    /// Not on a read-only connection: EF Core opens one to see whether the file exists, and switching a file that is not yet
    /// in WAL mode (a copy, a restored backup) would fail there with "attempt to write a readonly database".
    /// </remarks>
    private bool NeedsPragmas(DbConnection connection, out object? handle)
    {
        handle = (connection as SqliteConnection)?.Handle;
        return (handle is null || !_prepared.TryGetValue(handle, out _))
            && new SqliteConnectionStringBuilder(connection.ConnectionString).Mode != SqliteOpenMode.ReadOnly;
    }

    private void Remember(object? handle)
    {
        if (handle is not null)
        {
            _prepared.AddOrUpdate(handle, Prepared);
        }
    }
}
