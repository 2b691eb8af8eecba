using System.Data.Common;
using CrmBpm.EntityFrameworkCore.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CrmBpm.EntityFrameworkCore.Storage;

/// <summary>
/// What differs between databases; each provider package implements it. Everything else (models, queries,
/// the units of work of the engine and the CRM) is shared.
/// </summary>
internal interface IDatabaseDialect
{
    /// <summary>Starts the transaction a session commits in, taking the write lock up front where the database needs that.</summary>
    Task<IDbContextTransaction> BeginWriteTransactionAsync(DbContext db, CancellationToken cancellationToken);

    /// <summary>The same for the engine's hand-written commands, on an open connection.</summary>
    ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A Guid as a parameter for this database's Guid columns (EF Core's SQLite provider keeps them as upper-case text).</summary>
    object GuidValue(Guid value);

    /// <summary>
    /// Leases up to <paramref name="maxCount"/> unfired timers due at <paramref name="now"/> whose lease is free or expired, in one
    /// statement that is safe when several nodes lease at once; returns the leased rows.
    /// </summary>
    Task<List<TimerEntity>> LeaseDueTimersAsync(CrmBpmDbContext db, DateTimeOffset now, string owner, DateTimeOffset leaseUntil, int maxCount, CancellationToken cancellationToken);

    /// <summary>Leases due external jobs of the topics for a worker in one statement, so two workers never get the same job.</summary>
    Task<List<TimerEntity>> LeaseExternalTasksAsync(CrmBpmDbContext db, DateTimeOffset now, string workerId, string[] topics, DateTimeOffset lockUntil, int maxCount, CancellationToken cancellationToken);

    /// <summary>True when the save failed because a row with the same key or unique index value exists already.</summary>
    bool IsUniqueViolation(DbUpdateException exception);

    /// <summary>
    /// Makes the provider's pool drop <paramref name="connection"/> instead of lending it again, after it failed to close
    /// cleanly: idle pooled connections of the same database are closed, and busy ones when they come back.
    /// </summary>
    void DiscardFromPool(DbConnection connection);
}
