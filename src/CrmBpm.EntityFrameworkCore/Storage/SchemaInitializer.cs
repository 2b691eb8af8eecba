using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.EntityFrameworkCore.Storage;

/// <summary>
/// Creates the schema (<c>EnsureCreated</c>) once, on first use, however many threads arrive together. Another node
/// creating the same tables at the same moment makes one attempt fail; the next attempt then finds them.
/// </summary>
internal sealed class SchemaInitializer(IDbContextFactory<CrmBpmDbContext> contexts)
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
                        await db.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
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
