using CrmBpm.EntityFrameworkCore.DependencyInjection;
using CrmBpm.EntityFrameworkCore.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.Crm.DependencyInjection;

/// <summary>Adds <see cref="UseSqlite"/> to <c>AddCrm(crm => ...)</c>.</summary>
public static class SqliteCrmBuilderExtensions
{
    /// <summary>
    /// Keeps partners, leads, deals, instructions, claims, interactions and catalogues in a SQLite database, e.g.
    /// <c>"Data Source=crm.db"</c>. Give it the engine's connection string to keep everything in one file (or call
    /// <c>crm.UseEngineDatabase()</c>); the CRM tables are created on first use next to the engine's. Connections run with
    /// the same pragmas as the engine's (WAL, <c>synchronous=NORMAL</c>, busy timeout).
    /// </summary>
    /// <param name="crm">The CRM builder.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    public static CrmBuilder UseSqlite(this CrmBuilder crm, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(crm);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return crm.UseEntityFrameworkCore(new SqliteDialect(), SqliteSetup.Configure(connectionString));
    }
}
