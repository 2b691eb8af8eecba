using CrmBpm.EntityFrameworkCore.DependencyInjection;

namespace CrmBpm.Crm.DependencyInjection;

/// <summary>Adds <see cref="UseEngineDatabase"/> to <c>AddCrm(crm => ...)</c>; the provider packages add <c>UseSqlite</c> / <c>UsePostgreSql</c>.</summary>
public static class CrmBuilderDatabaseExtensions
{
    /// <summary>
    /// Keeps the CRM in the engine's database, with the provider and connection given to <c>bpm.UseSqlite(...)</c> or
    /// <c>bpm.UsePostgreSql(...)</c>: <c>bpm.UseSqlite("Data Source=crm.db").AddCrm(crm => crm.UseEngineDatabase())</c>.
    /// The CRM tables (<c>crm_*</c>) are created next to the engine's on first use.
    /// </summary>
    /// <param name="crm">The CRM builder.</param>
    public static CrmBuilder UseEngineDatabase(this CrmBuilder crm) => crm.UseEngineDatabaseStore();
}
