using CrmBpm.Crm.DependencyInjection;
using CrmBpm.Engine.DependencyInjection;

namespace CrmBpm.Server.Hosting;

/// <summary>Chooses the engine and CRM stores for the configured database.</summary>
internal static class StorageSetup
{
    /// <summary>Registers the engine on the configured database and the CRM on the same database.</summary>
    public static IServiceCollection AddCrmBpmStorage(this IServiceCollection services, DatabaseSettings database) =>
        services.AddCrmBpm(bpm =>
        {
            _ = database.Provider switch
            {
                DatabaseProvider.PostgreSql => bpm.UsePostgreSql(database.ConnectionString),
                _ => bpm.UseSqlite(database.ConnectionString),
            };
            bpm.AddCrm(crm => crm.UseEngineDatabase());
        });
}
