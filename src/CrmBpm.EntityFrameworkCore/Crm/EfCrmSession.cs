using System.Linq.Expressions;
using CrmBpm.Crm.Catalogues;
using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Common;
using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Instructions;
using CrmBpm.Crm.Interactions;
using CrmBpm.Crm.Leads;
using CrmBpm.Crm.Partners;
using CrmBpm.Crm.Persistence;
using CrmBpm.Engine.Errors;
using CrmBpm.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using System.Data.Common;

namespace CrmBpm.EntityFrameworkCore.Crm;

/// <summary>
/// One CRM unit of work on its own <see cref="CrmDbContext"/>, with the semantics of <see cref="InMemoryCrmStore"/>:
/// <list type="bullet">
/// <item>aggregates are tracked as loaded; queries run against committed rows and return the session's own instances
/// (so a change made earlier in the session is kept), followed by aggregates added in the session that match;</item>
/// <item><see cref="CommitAsync"/> writes every new and every changed aggregate in one transaction; an unchanged one is
/// neither checked nor rewritten;</item>
/// <item>a changed aggregate is written <c>WHERE version = @loaded</c> with the version raised by one, a new one gets
/// version 1; a stale version, or a new aggregate whose id (or unique code) exists already, rolls everything back and throws
/// <see cref="ConcurrencyException"/>, leaving the aggregates' versions as they were;</item>
/// <item>the domain events are taken out of the aggregates only after the commit; the caller publishes them.</item>
/// </list>
/// Inside an engine command (<see cref="ICrmStore.OpenSessionInAsync"/>) the session is given the engine's
/// <see cref="SqlWorkflowSession"/>: <see cref="CommitAsync"/> then only prepares the writes and enlists them, and the engine's
/// commit runs them in its own transaction (on its connection, which this context then shares), or, when the CRM lives in
/// another database, in a transaction of their own within the engine's commit.
/// </summary>
internal sealed class EfCrmSession(CrmDbContext db, IDatabaseDialect dialect, SqlWorkflowSession? enlistIn = null, bool sharesEngineConnection = false) : ICrmSession
{
    private bool _committed;

    public IAggregateRepository<Partner> Partners => new Repository<Partner>(db);

    public IAggregateRepository<Counterparty> Counterparties => new Repository<Counterparty>(db);

    public IAggregateRepository<Contact> Contacts => new Repository<Contact>(db);

    public IAggregateRepository<Lead> Leads => new Repository<Lead>(db);

    public IAggregateRepository<Deal> Deals => new Repository<Deal>(db);

    public IAggregateRepository<Instruction> Instructions => new Repository<Instruction>(db);

    public IAggregateRepository<Claim> Claims => new Repository<Claim>(db);

    public IAggregateRepository<Interaction> Interactions => new Repository<Interaction>(db);

    public IAggregateRepository<CatalogueItem> CatalogueItems => new Repository<CatalogueItem>(db);

    public IAggregateRepository<CrmBpm.Crm.Calendar.BusinessCalendar> BusinessCalendars => new Repository<CrmBpm.Crm.Calendar.BusinessCalendar>(db);

    public IAggregateRepository<CrmBpm.Crm.Notifications.Notification> Notifications => new Repository<CrmBpm.Crm.Notifications.Notification>(db);

    public async Task<IReadOnlyList<IDomainEvent>> CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_committed)
        {
            throw new InvalidOperationException("This unit of work was already committed; open a new session.");
        }

        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries<AggregateRoot>().ToList();
        var written = entries.Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        var loadedVersions = written.ToDictionary(e => e.Entity, e => e.Entity.Version);
        if (enlistIn is not null)
        {
            _committed = true;
            if (written.Count > 0)
            {
                enlistIn.Enlist(ct => SaveAsync(written, loadedVersions, enlistIn.CommitTransaction, ct));
            }
            else
            {
                await db.DisposeAsync().ConfigureAwait(false);
            }

            return [.. entries.SelectMany(e => e.Entity.TakeDomainEvents())];
        }

        if (written.Count > 0)
        {
            await SaveAsync(written, loadedVersions, engineTransaction: null, cancellationToken).ConfigureAwait(false);
        }

        _committed = true;
        return [.. entries.SelectMany(e => e.Entity.TakeDomainEvents())];
    }

    public ValueTask DisposeAsync() => enlistIn is null ? db.DisposeAsync() : ValueTask.CompletedTask; // an enlisted context ends with its write

    /// <summary>
    /// Writes the changed aggregates, each <c>WHERE version = @loaded</c> with the version raised: in the engine's transaction
    /// when this context shares its connection, else in a transaction of its own.
    /// </summary>
    private async Task SaveAsync(List<EntityEntry<AggregateRoot>> written, Dictionary<AggregateRoot, long> loadedVersions, DbTransaction? engineTransaction, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var entry in written)
            {
                // The original value stays the loaded version: it is what the UPDATE's WHERE compares with.
                entry.Entity.SetStoredVersion(entry.Entity.Version + 1);
            }

            if (sharesEngineConnection && engineTransaction is not null)
            {
                await db.Database.UseTransactionAsync(engineTransaction, cancellationToken).ConfigureAwait(false);
                await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var transaction = await dialect.BeginWriteTransactionAsync(db, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            db.ChangeTracker.AcceptAllChanges();
        }
        catch (DbUpdateConcurrencyException ex)
        {
            RestoreVersions(loadedVersions);
            throw new ConcurrencyException($"{Describe(ex.Entries)} was changed by someone else; reload it and try again.");
        }
        catch (DbUpdateException ex) when (dialect.IsUniqueViolation(ex))
        {
            RestoreVersions(loadedVersions);
            throw new ConcurrencyException($"{Describe(ex.Entries)} already exists; another unit of work stored it first.");
        }
        catch
        {
            RestoreVersions(loadedVersions);
            throw;
        }
        finally
        {
            if (enlistIn is not null)
            {
                await db.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static void RestoreVersions(Dictionary<AggregateRoot, long> loadedVersions)
    {
        foreach (var (aggregate, version) in loadedVersions)
        {
            aggregate.SetStoredVersion(version);
        }
    }

    private static string Describe(IReadOnlyList<EntityEntry> entries) =>
        entries.FirstOrDefault()?.Entity is AggregateRoot aggregate ? $"{aggregate.GetType().Name} {aggregate.Id}" : "A record";

    private sealed class Repository<T>(CrmDbContext db) : IAggregateRepository<T>
        where T : AggregateRoot
    {
        // FindAsync looks in the change tracker first, so an aggregate loaded or added earlier in the session is returned as is.
        public async Task<T?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
            await db.Set<T>().FindAsync([id], cancellationToken).ConfigureAwait(false);

        public async Task<IReadOnlyList<T>> ListAsync(Expression<Func<T, bool>>? where = null, CancellationToken cancellationToken = default)
        {
            var query = where is null ? db.Set<T>() : db.Set<T>().Where(where);
            var stored = await query.ToListAsync(cancellationToken).ConfigureAwait(false);
            var predicate = where?.Compile() ?? (_ => true);
            var added = db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).Where(predicate);
            return [.. stored.Concat(added).DistinctBy(a => a.Id)];
        }

        public void Add(T aggregate)
        {
            ArgumentNullException.ThrowIfNull(aggregate);
            if (db.ChangeTracker.Entries<T>().Any(e => e.Entity.Id == aggregate.Id))
            {
                return;
            }

            db.Set<T>().Add(aggregate);
        }
    }
}
