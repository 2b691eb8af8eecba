using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CrmBpm.EntityFrameworkCore.Storage;

/// <summary>
/// Creates the tables of one context once, on first use, however many threads arrive together.
/// </summary>
/// <remarks>
/// The engine (<see cref="CrmBpmDbContext"/>) and the CRM (<see cref="Crm.CrmDbContext"/>) may share one database, and either
/// may start first. <c>EnsureCreated</c> creates nothing when the database has any table, so it would leave the second
/// context without tables. Instead each context checks for <em>its own</em> tables and creates them (one transactional
/// script) when none exists. A database with only some of them is refused rather than patched. Another node creating the
/// same tables at the same moment makes one attempt fail; the next attempt then finds them.
/// </remarks>
internal sealed class SchemaInitializer<TContext>(IDbContextFactory<TContext> contexts, IDatabaseDialect dialect)
    where TContext : DbContext
{
    private const int Attempts = 3;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public async ValueTask EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; !_ready; attempt++)
            {
                var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
                await using (db.ConfigureAwait(false))
                {
                    try
                    {
                        await CreateMissingTablesAsync(db, cancellationToken).ConfigureAwait(false);
                        _ready = true;
                    }
                    catch (DbException) when (attempt < Attempts)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CreateMissingTablesAsync(TContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            await creator.CreateAsync(cancellationToken).ConfigureAwait(false);
        }

        var existing = (await dialect.ListTablesAsync(db, cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var missing = tables.Where(t => !existing.Contains(t)).ToList();
        if (missing.Count == tables.Count)
        {
            await creator.CreateTablesAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database has some of the {typeof(TContext).Name} tables but not {string.Join(", ", missing)}; " +
                "it was created by another version or changed by hand. Restore the missing tables or use an empty database.");
        }
    }
}
