using CrmBpm.EntityFrameworkCore.DependencyInjection;
using CrmBpm.EntityFrameworkCore.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.Crm.DependencyInjection;

/// <summary>Adds <see cref="UsePostgreSql"/> to <c>AddCrm(crm => ...)</c>.</summary>
public static class PostgreSqlCrmBuilderExtensions
{
    /// <summary>
    /// Keeps partners, leads, deals, instructions, claims, interactions and catalogues in PostgreSQL. Give it the engine's
    /// connection string to keep everything in one database (or call <c>crm.UseEngineDatabase()</c>); the CRM tables are
    /// created on first use when the database has none of them. Changes are guarded by each aggregate's version, so
    /// several nodes may share the database.
    /// </summary>
    /// <param name="crm">The CRM builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    public static CrmBuilder UsePostgreSql(this CrmBuilder crm, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(crm);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return crm.UseEntityFrameworkCore(new PostgreSqlDialect(), options => options.UseNpgsql(PostgreSqlSetup.ConnectionString(connectionString)));
    }
}
