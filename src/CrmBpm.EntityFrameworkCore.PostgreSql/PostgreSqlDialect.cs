using System.Data.Common;
using CrmBpm.EntityFrameworkCore.Configurations;
using CrmBpm.EntityFrameworkCore.Entities;
using CrmBpm.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CrmBpm.EntityFrameworkCore.PostgreSql;

/// <summary>PostgreSQL: row locks and <c>SKIP LOCKED</c> let several nodes lease timers at once without waiting on each other.</summary>
internal sealed class PostgreSqlDialect : IDatabaseDialect
{
    private const string LeaseSql = $$"""
        UPDATE {{TableNames.Timers}} SET lease_owner = {0}, lease_until = {1}
        WHERE id IN (
            SELECT id FROM {{TableNames.Timers}}
            WHERE fired_at IS NULL AND topic IS NULL AND due_at <= {2} AND (lease_until IS NULL OR lease_until < {2})
            ORDER BY due_at
            LIMIT {3}
            FOR UPDATE SKIP LOCKED)
        RETURNING *
        """;

    private const string LeaseExternalSql = $$"""
        UPDATE {{TableNames.Timers}} SET lease_owner = {0}, lease_until = {1}
        WHERE id IN (
            SELECT id FROM {{TableNames.Timers}}
            WHERE fired_at IS NULL AND topic = ANY({4}) AND due_at <= {2} AND (lease_until IS NULL OR lease_until < {2})
            ORDER BY due_at
            LIMIT {3}
            FOR UPDATE SKIP LOCKED)
        RETURNING *
        """;

    /// <summary>Read committed: the guarded updates lock their rows and re-check the version after a concurrent commit.</summary>
    public Task<IDbContextTransaction> BeginWriteTransactionAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Database.BeginTransactionAsync(cancellationToken);

    /// <inheritdoc cref="BeginWriteTransactionAsync(DbContext, CancellationToken)" />
    public ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.BeginTransactionAsync(cancellationToken);

    /// <summary>A native <c>uuid</c>.</summary>
    public object GuidValue(Guid value) => value;

    /// <summary>Rows another node is leasing right now are skipped, not waited for; each due timer goes to one node.</summary>
    public Task<List<TimerEntity>> LeaseDueTimersAsync(CrmBpmDbContext db, DateTimeOffset now, string owner, DateTimeOffset leaseUntil, int maxCount, CancellationToken cancellationToken) =>
        db.Timers
            .FromSqlRaw(LeaseSql, owner, UtcTicksConverter.ToTicks(leaseUntil), UtcTicksConverter.ToTicks(now), maxCount)
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    /// <summary>Rows another worker is leasing right now are skipped, not waited for; each due external job goes to one worker.</summary>
    public Task<List<TimerEntity>> LeaseExternalTasksAsync(CrmBpmDbContext db, DateTimeOffset now, string workerId, string[] topics, DateTimeOffset lockUntil, int maxCount, CancellationToken cancellationToken) =>
        db.Timers
            .FromSqlRaw(LeaseExternalSql, workerId, UtcTicksConverter.ToTicks(lockUntil), UtcTicksConverter.ToTicks(now), maxCount, topics)
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    /// <summary>SQLSTATE 23505, unique_violation (primary keys included).</summary>
    public bool IsUniqueViolation(DbUpdateException exception) =>
        exception?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>Npgsql closes the pool's idle connections now and its busy ones when they are returned.</summary>
    public void DiscardFromPool(DbConnection connection) => NpgsqlConnection.ClearPool((NpgsqlConnection)connection);
}
