using CrmBpm.EntityFrameworkCore.DependencyInjection;
using CrmBpm.EntityFrameworkCore.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.Engine.DependencyInjection;

/// <summary>Adds <see cref="UsePostgreSql"/> to <c>AddCrmBpm(bpm => ...)</c>.</summary>
public static class PostgreSqlCrmBpmBuilderExtensions
{
    /// <summary>
    /// Keeps route maps, instances, tasks, history and timers in PostgreSQL, e.g.
    /// <c>"Host=db;Database=crm;Username=crm;Password=..."</c>. Several nodes may share the database: commands are
    /// guarded by optimistic concurrency and timers are leased with <c>FOR UPDATE SKIP LOCKED</c>. The tables are
    /// created on first use when the database has none.
    /// </summary>
    /// <param name="bpm">The engine builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    public static CrmBpmBuilder UsePostgreSql(this CrmBpmBuilder bpm, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(bpm);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return bpm.UseEntityFrameworkCore(new PostgreSqlDialect(), options => options.UseNpgsql(PostgreSqlSetup.ConnectionString(connectionString)));
    }
}
