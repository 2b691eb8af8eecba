using CrmBpm.Crm.Persistence;
using CrmBpm.Engine.Persistence;
using CrmBpm.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmBpm.EntityFrameworkCore.Crm;

/// <summary>
/// The CRM store on Entity Framework Core: each unit of work gets its own <see cref="CrmDbContext"/> from the factory,
/// so the store is safe to share between threads. The CRM tables are created or upgraded on first use, next to the engine's when
/// both live in one database. Semantics are those of <see cref="InMemoryCrmStore"/> (see <see cref="EfCrmSession"/>).
/// </summary>
public sealed class EfCrmStore : ICrmStore
{
    private readonly IDbContextFactory<CrmDbContext> _contexts;
    private readonly DbContextOptions<CrmDbContext> _options;
    private readonly IDatabaseDialect _dialect;
    private readonly SchemaInitializer<CrmDbContext> _schema;

    internal EfCrmStore(IDbContextFactory<CrmDbContext> contexts, DbContextOptions<CrmDbContext> options, IDatabaseDialect dialect, ILogger<EfCrmStore>? logger = null)
    {
        _contexts = contexts;
        _options = options;
        _dialect = dialect;
        _schema = new SchemaInitializer<CrmDbContext>(contexts, Schema.CrmSchema.Component, (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <inheritdoc />
    public async Task<ICrmSession> OpenSessionAsync(CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return new EfCrmSession(db, _dialect);
    }

    /// <inheritdoc />
    /// <remarks>
    /// When the engine's store is on the same database (the same connection string), the session's context uses the engine
    /// command's connection and its writes run in the engine's transaction: the CRM and its processes commit as one. With the
    /// CRM in another database that cannot be: its writes then commit in a transaction of their own inside the engine's commit,
    /// just before it.
    /// </remarks>
    public async Task<ICrmSession> OpenSessionInAsync(IWorkflowSession engineSession, CancellationToken cancellationToken = default)
    {
        if (engineSession is not SqlWorkflowSession sql)
        {
            throw new InvalidOperationException("A CRM database store can join only the commands of a database engine store (bpm.UseSqlite / UsePostgreSql).");
        }

        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);

        // Not from the pool: this context borrows the engine's connection, and a pooled one would be handed on with it.
        var db = new CrmDbContext(_options);
        var shares = string.Equals(db.Database.GetConnectionString(), sql.ConnectionString, StringComparison.Ordinal);
        if (shares)
        {
            db.Database.SetDbConnection(await sql.OpenConnectionAsync(cancellationToken).ConfigureAwait(false), contextOwnsConnection: false);
        }

        return new EfCrmSession(db, _dialect, sql, shares);
    }
}
