using CrmBpm.Crm.DependencyInjection;
using CrmBpm.Crm.Partners;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing;
using CrmBpm.Testing.CrmSuites;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.EntityFrameworkCore.Tests.Crm;

/// <summary>The engine and the CRM share one SQLite file, whichever of them touches it first.</summary>
public sealed class SqliteCrmDatabaseFile : IAsyncLifetime
{
    private static readonly string[] EngineTables = ["history", "instances", "open_task_counts", "route_maps", "tasks", "timers"];
    private static readonly string[] CrmTables =
        ["crm_business_calendars", "crm_catalogue_items", "crm_claims", "crm_contacts", "crm_counterparties", "crm_deals", "crm_instructions", "crm_interactions", "crm_leads", "crm_notifications", "crm_partners"];

    private readonly SqliteTestFile _file = new();

    [Fact]
    public async Task The_CRM_creating_its_tables_first_leaves_room_for_the_engine_tables()
    {
        await using (var host = new CrmHost(_file))
        {
            await host.PartnerAsync();
            (await TablesAsync()).ShouldBe([.. CrmTables, "schema_versions"]);
            await host.Maps.DeployAsync(CrmHost.TypicalSale());
        }

        (await TablesAsync()).ShouldBe([.. CrmTables.Concat(EngineTables).Append("schema_versions").Order(StringComparer.Ordinal)]);
    }

    [Fact]
    public async Task The_engine_creating_its_tables_first_leaves_room_for_the_CRM_tables()
    {
        await using (var bpm = new EngineHarness(_file.Attach))
        {
            await bpm.DeployAsync(CrmHost.TypicalSale());
        }

        await using (var host = new CrmHost(_file))
        {
            await host.PartnerAsync();
        }

        (await TablesAsync()).ShouldBe([.. CrmTables.Concat(EngineTables).Append("schema_versions").Order(StringComparer.Ordinal)]);
        (await ListAsync("SELECT typeof(created_at) || ',' || typeof(relations) FROM crm_partners")).ShouldBe(["integer,integer"]);
    }

    [Fact]
    public async Task UseEngineDatabase_puts_the_CRM_into_the_engines_file()
    {
        var services = new ServiceCollection();
        services.AddCrmBpm(bpm => bpm.UseSqlite(_file.ConnectionString).AddCrm(crm => crm.UseEngineDatabase()));
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<PartnerService>().RegisterAsync(new RegisterPartner { Name = "ACME GmbH", RegisteredBy = "anna" });
        }

        (await ListAsync("SELECT name FROM crm_partners")).ShouldBe(["ACME GmbH"]);
    }

    [Fact]
    public void UseEngineDatabase_without_an_engine_database_says_what_to_call()
    {
        var services = new ServiceCollection();
        services.AddCrmBpm(bpm => bpm.UseInMemoryStore().AddCrm(crm => crm.UseEngineDatabase()));
        using var provider = services.BuildServiceProvider();

        Should.Throw<InvalidOperationException>(() => provider.GetRequiredService<CrmBpm.Crm.Persistence.ICrmStore>()).Message.ShouldContain("bpm.UseSqlite(...)");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();

    private Task<List<string>> TablesAsync() =>
        ListAsync("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name");

    private async Task<List<string>> ListAsync(string sql)
    {
        await using var connection = new SqliteConnection(_file.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
