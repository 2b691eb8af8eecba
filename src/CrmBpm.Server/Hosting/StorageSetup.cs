using CrmBpm.Crm.DependencyInjection;
using CrmBpm.Engine.DependencyInjection;

namespace CrmBpm.Server.Hosting;

/// <summary>Chooses the engine and CRM stores for the configured database.</summary>
internal static class StorageSetup
{
    /// <summary>Registers the engine on the configured database and the CRM on top of it.</summary>
    public static IServiceCollection AddCrmBpmStorage(this IServiceCollection services, DatabaseSettings database) =>
        services.AddCrmBpm(bpm =>
        {
            _ = database.Provider switch
            {
                DatabaseProvider.PostgreSql => bpm.UsePostgreSql(database.ConnectionString),
                _ => bpm.UseSqlite(database.ConnectionString),
            };
            bpm.AddCrm(UseCrmStore);
        });

    /// <summary>
    /// THE ONE PLACE that chooses the CRM store. The EF Core CRM store is being written; when <c>crm.UseSqlite(cs)</c> /
    /// <c>crm.UsePostgreSql(cs)</c> exist, replace the marked line with the provider switch above. Until then CRM data
    /// (partners, deals, claims, ...) lives in memory and the demo CRM data is seeded again on every start (DemoSeeder seeds CRM data whenever the CRM store is empty).
    /// </summary>
    private static void UseCrmStore(CrmBuilder crm) =>
        crm.UseInMemoryStore(); // ◀ CRM STORE: switch to the database store here.
}
