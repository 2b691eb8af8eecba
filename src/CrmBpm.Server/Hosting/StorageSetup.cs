using CrmBpm.Crm.DependencyInjection;
using CrmBpm.Engine.DependencyInjection;

namespace CrmBpm.Server.Hosting;

/// <summary>Chooses the engine and CRM stores for the configured database.</summary>
internal static class StorageSetup
{
    /// <summary>Registers the engine on the configured database, the CRM on the same database and the organisation as its performer directory.</summary>
    public static IServiceCollection AddCrmBpmStorage(this IServiceCollection services, DatabaseSettings database) =>
        services.AddCrmBpm(bpm =>
        {
            _ = database.Provider switch
            {
                DatabaseProvider.PostgreSql => bpm.UsePostgreSql(database.ConnectionString),
                _ => bpm.UseSqlite(database.ConnectionString),
            };

            // A deal's process is given its manager's department (for "the head of the deal's department").
            bpm.Services.AddSingleton<Crm.Common.IPeopleDirectory, Organisation.UserDirectoryPeople>();
            bpm.AddCrm(crm => crm.UseEngineDatabase());

            // Validation warns about a pool nobody in the organisation is in.
            bpm.UsePerformerDirectory<Organisation.OrganisationPerformerDirectory>();

            // Escalation ladders notify and reassign to the heads of the organisation's departments.
            bpm.UseOrganisationHeads<Organisation.OrganisationHeads>();
        });
}
