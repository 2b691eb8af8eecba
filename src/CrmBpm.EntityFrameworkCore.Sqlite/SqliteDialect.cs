using System.Data;
using System.Data.Common;
using CrmBpm.EntityFrameworkCore.Configurations;
using CrmBpm.EntityFrameworkCore.Entities;
using CrmBpm.EntityFrameworkCore.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CrmBpm.EntityFrameworkCore.Sqlite;

/// <summary>SQLite: one writer at a time, so the commit takes the write lock up front and leasing is a single UPDATE.</summary>
internal sealed class SqliteDialect : IDatabaseDialect
{
    private const string LeaseSql = $$"""
        UPDATE {{TableNames.Timers}} SET lease_owner = {0}, lease_until = {1}
        WHERE id IN (
            SELECT id FROM {{TableNames.Timers}}
            WHERE fired_at IS NULL AND topic IS NULL AND due_at <= {2} AND (lease_until IS NULL OR lease_until < {2})
            ORDER BY due_at
            LIMIT {3})
        RETURNING *
        """;

    private const string LeaseExternalSql = $$"""
        UPDATE {{TableNames.Timers}} SET lease_owner = {0}, lease_until = {1}
        WHERE id IN (
            SELECT id FROM {{TableNames.Timers}}
            WHERE fired_at IS NULL AND topic IN (SELECT value FROM json_each({4})) AND due_at <= {2} AND (lease_until IS NULL OR lease_until < {2})
            ORDER BY due_at
            LIMIT {3})
        RETURNING *
        """;

    /// <summary>
    /// Serializable is Microsoft.Data.Sqlite's <c>BEGIN IMMEDIATE</c>: the write lock is taken (or waited for, within the busy
    /// timeout) when the transaction starts. A deferred transaction would read first and fail with SQLITE_BUSY when it tries to
    /// upgrade to a write while another connection writes.
    /// </summary>
    public async Task<IDbContextTransaction> BeginWriteTransactionAsync(DbContext db, CancellationToken cancellationToken) =>
        await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc cref="BeginWriteTransactionAsync(DbContext, CancellationToken)" />
    public ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);

    /// <summary>Upper-case text, as EF Core's SQLite provider writes a Guid: text comparisons in SQL are exact.</summary>
    public object GuidValue(Guid value) => value.ToString().ToUpperInvariant();

    /// <summary>One statement: SQLite serialises writers, so two nodes never lease the same timer.</summary>
    public Task<List<TimerEntity>> LeaseDueTimersAsync(CrmBpmDbContext db, DateTimeOffset now, string owner, DateTimeOffset leaseUntil, int maxCount, CancellationToken cancellationToken) =>
        db.Timers
            .FromSqlRaw(LeaseSql, owner, UtcTicksConverter.ToTicks(leaseUntil), UtcTicksConverter.ToTicks(now), maxCount)
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    /// <summary>One statement, like the timers' lease; the topics arrive as one JSON array parameter.</summary>
    public Task<List<TimerEntity>> LeaseExternalTasksAsync(CrmBpmDbContext db, DateTimeOffset now, string workerId, string[] topics, DateTimeOffset lockUntil, int maxCount, CancellationToken cancellationToken) =>
        db.Timers
            .FromSqlRaw(LeaseExternalSql, workerId, UtcTicksConverter.ToTicks(lockUntil), UtcTicksConverter.ToTicks(now), maxCount, System.Text.Json.JsonSerializer.Serialize(topics))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    /// <summary>SQLITE_CONSTRAINT_PRIMARYKEY (1555) or SQLITE_CONSTRAINT_UNIQUE (2067).</summary>
    public bool IsUniqueViolation(DbUpdateException exception) =>
        exception?.InnerException is SqliteException { SqliteExtendedErrorCode: 1555 or 2067 };

    /// <summary>Microsoft.Data.Sqlite marks every connection of the file's pool not to be pooled again: each is closed when it is returned.</summary>
    public void DiscardFromPool(DbConnection connection) => SqliteConnection.ClearPool((SqliteConnection)connection);
}
