using System.Data.Common;
using CrmBpm.EntityFrameworkCore.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CrmBpm.EntityFrameworkCore.Storage;

/// <summary>
/// Brings the schema of one context to this build's version once, on first use, however many threads arrive together
/// (<see cref="SchemaMigrator"/> does the work and keeps other nodes out).
/// </summary>
/// <remarks>
/// The engine (<see cref="CrmBpmDbContext"/>) and the CRM (<see cref="Crm.CrmDbContext"/>) may share one database, and either
/// may start first: each is its own component in <c>schema_versions</c> and looks only at its own tables. Two nodes creating
/// the database itself at the same moment make one attempt fail; the next attempt then finds it. A database newer than the
/// code is refused at once, never retried.
/// </remarks>
internal sealed class SchemaInitializer<TContext>(IDbContextFactory<TContext> contexts, SchemaComponent component, ILogger logger)
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
                        await SchemaMigrator.MigrateAsync(db, component, logger, cancellationToken).ConfigureAwait(false);
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
}
