using CrmBpm.Crm.Persistence;
using CrmBpm.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.EntityFrameworkCore.Crm;

/// <summary>
/// The CRM store on Entity Framework Core: each unit of work gets its own <see cref="CrmDbContext"/> from the factory,
/// so the store is safe to share between threads. The CRM tables are created on first use, next to the engine's when
/// both live in one database. Semantics are those of <see cref="InMemoryCrmStore"/> (see <see cref="EfCrmSession"/>).
/// </summary>
public sealed class EfCrmStore : ICrmStore
{
    private readonly IDbContextFactory<CrmDbContext> _contexts;
    private readonly IDatabaseDialect _dialect;
    private readonly SchemaInitializer<CrmDbContext> _schema;

    internal EfCrmStore(IDbContextFactory<CrmDbContext> contexts, IDatabaseDialect dialect)
    {
        _contexts = contexts;
        _dialect = dialect;
        _schema = new SchemaInitializer<CrmDbContext>(contexts, dialect);
    }

    /// <inheritdoc />
    public async Task<ICrmSession> OpenSessionAsync(CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return new EfCrmSession(db, _dialect);
    }
}
